/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Kind of damage found when scanning a segment, or {@link #NONE} when the scanned bytes are intact.
 *
 * @since 0.1.0
 */
public enum RecordDamage
{
    /**
     * No damage.
     */
    NONE,

    /**
     * Fewer bytes than a record header remain at the end of the segment.
     */
    TORN_HEADER,

    /**
     * The frame length runs past the end of the segment.
     */
    TORN_RECORD,

    /**
     * The frame length is shorter than a header.
     */
    BAD_LENGTH,

    /**
     * The stored CRC32C does not match the record.
     */
    CRC_MISMATCH,

    /**
     * The record's sequence is not the one that follows its predecessor.
     */
    SEQUENCE_GAP,

    /**
     * A segment file is missing between two others, or a segment starts at the wrong sequence.
     */
    MISSING_SEGMENT
}
