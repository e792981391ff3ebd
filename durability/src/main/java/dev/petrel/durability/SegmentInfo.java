/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Summary of one segment file.
 *
 * @param fileName      of the segment.
 * @param firstSequence of the segment, from its name.
 * @param lastSequence  of the last intact record, or the first sequence minus one if it holds none.
 * @param length        of the intact records in bytes.
 * @since 0.1.0
 */
public record SegmentInfo(String fileName, long firstSequence, long lastSequence, long length)
{
}
