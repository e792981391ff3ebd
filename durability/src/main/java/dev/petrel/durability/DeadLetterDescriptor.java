/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.DirectBuffer;

/**
 * Layout of the payload of a dead-letter record, which wraps the original record with the reason it was moved.
 * Fields are little-endian.
 * <pre>
 *  0        original sequence (long)
 *  8        original timestamp, epoch nanoseconds (long)
 *  16       reason length in bytes (int)
 *  20       reason (UTF-8)
 *  20 + n   original payload
 * </pre>
 *
 * @since 0.1.0
 */
public final class DeadLetterDescriptor
{
    /**
     * Offset of the original sequence.
     */
    public static final int ORIGINAL_SEQUENCE_OFFSET = 0;

    /**
     * Offset of the original timestamp.
     */
    public static final int ORIGINAL_TIMESTAMP_OFFSET = 8;

    /**
     * Offset of the reason length.
     */
    public static final int REASON_LENGTH_OFFSET = 16;

    /**
     * Offset of the reason text.
     */
    public static final int REASON_OFFSET = 20;

    /**
     * Longest reason kept, in UTF-8 bytes; longer reasons are cut.
     */
    public static final int MAX_REASON_LENGTH = 1024;

    private DeadLetterDescriptor()
    {
    }

    /**
     * Sequence the record had in its original log.
     *
     * @param buffer holding a dead-letter payload.
     * @param offset of the payload.
     * @return the original sequence.
     */
    public static long originalSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ORIGINAL_SEQUENCE_OFFSET, RecordDescriptor.BYTE_ORDER);
    }

    /**
     * Timestamp the record had in its original log.
     *
     * @param buffer holding a dead-letter payload.
     * @param offset of the payload.
     * @return the original timestamp in epoch nanoseconds.
     */
    public static long originalTimestampNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ORIGINAL_TIMESTAMP_OFFSET, RecordDescriptor.BYTE_ORDER);
    }

    /**
     * Why the record was moved.
     *
     * @param buffer holding a dead-letter payload.
     * @param offset of the payload.
     * @return the reason text.
     */
    public static String reason(final DirectBuffer buffer, final int offset)
    {
        return buffer.getStringWithoutLengthUtf8(offset + REASON_OFFSET, reasonLength(buffer, offset));
    }

    /**
     * Offset of the original payload.
     *
     * @param buffer holding a dead-letter payload.
     * @param offset of the dead-letter payload.
     * @return the offset of the original payload in the buffer.
     */
    public static int originalPayloadOffset(final DirectBuffer buffer, final int offset)
    {
        return offset + REASON_OFFSET + reasonLength(buffer, offset);
    }

    /**
     * Length of the original payload.
     *
     * @param buffer holding a dead-letter payload.
     * @param offset of the dead-letter payload.
     * @param length of the dead-letter payload.
     * @return the length of the original payload.
     */
    public static int originalPayloadLength(final DirectBuffer buffer, final int offset, final int length)
    {
        return length - REASON_OFFSET - reasonLength(buffer, offset);
    }

    private static int reasonLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + REASON_LENGTH_OFFSET, RecordDescriptor.BYTE_ORDER);
    }
}
