/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static dev.petrel.durability.RecordDescriptor.*;

/**
 * Walks the records of a segment file checking frame, CRC32C and sequence of each, optionally filling an index.
 * <p>
 * The records end cleanly at the end of the file or where only zeros remain (the preallocated tail of a segment that
 * was being appended to through a mapping, see {@link SegmentWriter}), or, in a segment marked as a reused spare
 * (see {@link SpareSegments}), at the first zero length, past which only its old records remain; the scan result
 * then has a valid length shorter than the file and no damage.
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
            final boolean reused = Files.exists(SegmentFiles.reusedMarker(file));
            return scan(channel.size(), firstSequence, indexIntervalLength, index, reused);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot scan segment " + file, ex);
        }
    }

    private ScanResult scan(
        final long fileLength,
        final long firstSequence,
        final int indexIntervalLength,
        final SparseIndex index,
        final boolean reused)
    {
        long position = 0;
        long expected = firstSequence;
        long timestampNs = 0;
        long lastIndexed = -indexIntervalLength;
        RecordDamage damage = RecordDamage.NONE;
        while (position < fileLength && !(reused ? isZeroLength(position) : isZeroTail(position, fileLength)))
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

    /**
     * Tells whether a reused segment's records end at a position: its length field is zero, or too short to hold
     * one.
     */
    private boolean isZeroLength(final long position)
    {
        return !window.ensure(position, Integer.BYTES) ||
            0 == window.buffer().getInt(window.offset(position) + LENGTH_OFFSET, BYTE_ORDER);
    }

    /**
     * Tells whether every byte from a record position to the end of the file is zero: the unwritten rest of a
     * preallocated segment, which ends the records cleanly. A zero length followed by anything else is damage.
     */
    private boolean isZeroTail(final long position, final long fileLength)
    {
        if (!window.ensure(position, Integer.BYTES) ||
            0 != window.buffer().getInt(window.offset(position) + LENGTH_OFFSET, BYTE_ORDER))
        {
            return false;
        }
        long chunkStart = position;
        while (chunkStart < fileLength)
        {
            final int chunkLength = (int)Math.min(WINDOW_LENGTH, fileLength - chunkStart);
            if (!window.ensure(chunkStart, chunkLength) || !isZero(window.offset(chunkStart), chunkLength))
            {
                return false;
            }
            chunkStart += chunkLength;
        }
        return true;
    }

    private boolean isZero(final int offset, final int length)
    {
        final UnsafeBuffer buffer = window.buffer();
        final int longsEnd = offset + (length & ~(Long.BYTES - 1));
        for (int i = offset; i < longsEnd; i += Long.BYTES)
        {
            if (0 != buffer.getLong(i))
            {
                return false;
            }
        }
        for (int i = longsEnd; i < offset + length; i++)
        {
            if (0 != buffer.getByte(i))
            {
                return false;
            }
        }
        return true;
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
