/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static dev.petrel.durability.RecordDescriptor.*;

/**
 * Walks the records of a segment file checking frame, CRC32C and sequence of each, optionally filling an index.
 * <p>
 * Not thread safe; one instance serves many scans.
 */
final class SegmentScanner
{
    private static final int WINDOW_LENGTH = 64 * 1024;

    private final FileWindow window = new FileWindow(WINDOW_LENGTH);
    private final CRC32C crc = new CRC32C();

    /**
     * Scans a segment from its start.
     *
     * @param file                of the segment.
     * @param firstSequence       expected of the first record.
     * @param indexIntervalLength distance between index entries.
     * @param index               to fill, or null.
     * @return where the intact records end and why.
     */
    ScanResult scan(final Path file, final long firstSequence, final int indexIntervalLength, final SparseIndex index)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            window.channel(channel);
            return scan(channel.size(), firstSequence, indexIntervalLength, index);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot scan segment " + file, ex);
        }
    }

    private ScanResult scan(
        final long fileLength, final long firstSequence, final int indexIntervalLength, final SparseIndex index)
    {
        long position = 0;
        long expected = firstSequence;
        long timestampNs = 0;
        long lastIndexed = -indexIntervalLength;
        RecordDamage damage = RecordDamage.NONE;
        while (position < fileLength)
        {
            damage = check(position, fileLength, expected);
            if (RecordDamage.NONE != damage)
            {
                break;
            }
            final UnsafeBuffer buffer = window.buffer();
            final int offset = window.offset(position);
            timestampNs = buffer.getLong(offset + TIMESTAMP_OFFSET, BYTE_ORDER);
            if (null != index && position - lastIndexed >= indexIntervalLength)
            {
                index.add(expected, position);
                lastIndexed = position;
            }
            position += buffer.getInt(offset + LENGTH_OFFSET, BYTE_ORDER);
            expected++;
        }
        return new ScanResult(position, fileLength, expected - 1, timestampNs, damage);
    }

    private RecordDamage check(final long position, final long fileLength, final long expectedSequence)
    {
        if (!window.ensure(position, HEADER_LENGTH))
        {
            return RecordDamage.TORN_HEADER;
        }
        final int frameLength = window.buffer().getInt(window.offset(position) + LENGTH_OFFSET, BYTE_ORDER);
        if (frameLength < HEADER_LENGTH)
        {
            return RecordDamage.BAD_LENGTH;
        }
        if (position + frameLength > fileLength || !window.ensure(position, frameLength))
        {
            return RecordDamage.TORN_RECORD;
        }
        final int offset = window.offset(position);
        final UnsafeBuffer buffer = window.buffer();
        if (buffer.getInt(offset + CRC_OFFSET, BYTE_ORDER) != computeCrc(crc, window.byteBuffer(), offset, frameLength))
        {
            return RecordDamage.CRC_MISMATCH;
        }
        if (buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER) != expectedSequence)
        {
            return RecordDamage.SEQUENCE_GAP;
        }
        return RecordDamage.NONE;
    }
}
