/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Layout of a log record. All fields are little-endian; records are stored back to back without padding.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Frame Length (header + payload)              |
 *  +---------------------------------------------------------------+
 *  |                            CRC32C                             |
 *  +---------------------------------------------------------------+
 *  |                          Sequence                             |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  Timestamp (epoch nanoseconds)                |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                          Payload                             ...
 * ...                                                              |
 *  +---------------------------------------------------------------+
 * </pre>
 * The CRC32C covers the frame length field followed by every byte from the sequence field to the end of the payload.
 *
 * @since 0.1.0
 */
public final class RecordDescriptor
{
    /**
     * Byte order of every header field.
     */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /**
     * Offset of the frame length field.
     */
    public static final int LENGTH_OFFSET = 0;

    /**
     * Offset of the CRC32C field.
     */
    public static final int CRC_OFFSET = 4;

    /**
     * Offset of the sequence field.
     */
    public static final int SEQUENCE_OFFSET = 8;

    /**
     * Offset of the timestamp field, in nanoseconds since the epoch.
     */
    public static final int TIMESTAMP_OFFSET = 16;

    /**
     * Length of the header that precedes the payload.
     */
    public static final int HEADER_LENGTH = 24;

    private RecordDescriptor()
    {
    }

    /**
     * Computes the CRC32C of a frame held in a buffer; the buffer's position and limit are changed.
     *
     * @param crc         reusable checksum instance.
     * @param buffer      holding the frame.
     * @param offset      of the frame in the buffer.
     * @param frameLength of the frame including its header.
     * @return the checksum as stored in the CRC field.
     */
    public static int computeCrc(final CRC32C crc, final ByteBuffer buffer, final int offset, final int frameLength)
    {
        crc.reset();
        buffer.limit(offset + CRC_OFFSET).position(offset);
        crc.update(buffer);
        buffer.limit(offset + frameLength).position(offset + SEQUENCE_OFFSET);
        crc.update(buffer);
        return (int)crc.getValue();
    }
}
