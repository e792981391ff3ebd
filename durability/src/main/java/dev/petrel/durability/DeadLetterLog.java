/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Log of records given up on, kept in the {@code dead-letter} subdirectory of a log in the same record format.
 * Each payload is laid out by {@link DeadLetterDescriptor}. Moving a record copies it here; the source log keeps its
 * copy until retention removes it.
 * <p>
 * Thread safe, with the same fsync policy and blocking contract as the source log.
 *
 * @since 0.1.0
 */
public final class DeadLetterLog implements AutoCloseable
{
    private final DurableLog log;
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer();

    DeadLetterLog(final DurableLog log)
    {
        this.log = log;
    }

    /**
     * Copies a record of a log here with a reason.
     *
     * @param source   log holding the record.
     * @param sequence of the record in the source log.
     * @param reason   why the record is given up on, cut to {@link DeadLetterDescriptor#MAX_REASON_LENGTH} bytes.
     * @return the sequence of the dead-letter record.
     * @throws IllegalArgumentException if the source log does not hold the sequence.
     */
    public long moveFrom(final DurableLog source, final long sequence, final String reason)
    {
        final long[] moved = {-1};
        try (LogReader reader = source.reader(sequence))
        {
            reader.poll(
                (buffer, offset, length, recordSequence, timestampNs) ->
                    moved[0] = append(recordSequence, timestampNs, reason, buffer, offset, length),
                1);
        }
        if (moved[0] < 0)
        {
            throw new IllegalArgumentException("sequence " + sequence + " is not in log " + source.context().logDir());
        }
        return moved[0];
    }

    /**
     * Appends a record given up on.
     *
     * @param originalSequence    of the record in its source.
     * @param originalTimestampNs of the record in its source.
     * @param reason              why the record is given up on.
     * @param buffer              holding the original payload.
     * @param offset              of the original payload.
     * @param length              of the original payload.
     * @return the sequence of the dead-letter record.
     */
    public synchronized long append(
        final long originalSequence,
        final long originalTimestampNs,
        final String reason,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        final byte[] kept = reasonBytes.length > DeadLetterDescriptor.MAX_REASON_LENGTH ?
            Arrays.copyOf(reasonBytes, DeadLetterDescriptor.MAX_REASON_LENGTH) : reasonBytes;
        scratch.putLong(DeadLetterDescriptor.ORIGINAL_SEQUENCE_OFFSET, originalSequence, RecordDescriptor.BYTE_ORDER);
        scratch.putLong(
            DeadLetterDescriptor.ORIGINAL_TIMESTAMP_OFFSET, originalTimestampNs, RecordDescriptor.BYTE_ORDER);
        scratch.putInt(DeadLetterDescriptor.REASON_LENGTH_OFFSET, kept.length, RecordDescriptor.BYTE_ORDER);
        scratch.putBytes(DeadLetterDescriptor.REASON_OFFSET, kept);
        scratch.putBytes(DeadLetterDescriptor.REASON_OFFSET + kept.length, buffer, offset, length);
        return log.append(scratch, 0, DeadLetterDescriptor.REASON_OFFSET + kept.length + length);
    }

    /**
     * The underlying log, for reading and inspection.
     *
     * @return the dead-letter log's records.
     */
    public DurableLog log()
    {
        return log;
    }

    /**
     * Closes the dead-letter log.
     */
    public void close()
    {
        log.close();
    }
}
