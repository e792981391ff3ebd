/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Index file written beside a sealed segment so that reopening need not scan it.
 * <pre>
 *  magic (int) | version (int) | first sequence (long) | last sequence (long) | last timestamp ns (long)
 *  | segment length (long) | entry count (int) | entries: (sequence (long), position (long))... | CRC32C (int)
 * </pre>
 * An index file is a cache: when it is missing, stale or damaged the segment is scanned instead.
 */
final class IndexFile
{
    private static final int MAGIC = 0x58444950;
    private static final int VERSION = 1;
    private static final int FIXED_LENGTH = 4 + 4 + 8 + 8 + 8 + 8 + 4 + 4;
    private static final int ENTRY_LENGTH = 16;

    private IndexFile()
    {
    }

    static void write(final Segment segment)
    {
        final SparseIndex index = segment.index();
        final int count = index.size();
        final ByteBuffer buffer =
            ByteBuffer.allocate(FIXED_LENGTH + count * ENTRY_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putLong(segment.firstSequence()).putLong(segment.lastSequence())
            .putLong(segment.lastTimestampNs()).putLong(segment.length()).putInt(count);
        for (int i = 0; i < count; i++)
        {
            buffer.putLong(index.sequenceAt(i)).putLong(index.positionAt(i));
        }
        buffer.putInt(crc(buffer.array(), buffer.position()));
        try
        {
            Files.write(SegmentFiles.indexFile(segment.file()), buffer.array());
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot write index of " + segment.file(), ex);
        }
    }

    /**
     * Loads the index of a sealed segment if its file is intact and matches the segment.
     *
     * @param segmentFile   whose index to load.
     * @param firstSequence of the segment.
     * @param fileLength    of the segment file.
     * @return the sealed segment, or null if the index must be rebuilt.
     */
    static Segment load(final Path segmentFile, final long firstSequence, final long fileLength)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(SegmentFiles.indexFile(segmentFile));
        }
        catch (final NoSuchFileException ex)
        {
            return null;
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot read index of " + segmentFile, ex);
        }
        return decode(bytes, segmentFile, firstSequence, fileLength);
    }

    static void delete(final Path segmentFile) throws IOException
    {
        Files.deleteIfExists(SegmentFiles.indexFile(segmentFile));
    }

    private static Segment decode(
        final byte[] bytes, final Path segmentFile, final long firstSequence, final long fileLength)
    {
        if (bytes.length < FIXED_LENGTH)
        {
            return null;
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(bytes.length - 4) != crc(bytes, bytes.length - 4) ||
            buffer.getInt() != MAGIC || buffer.getInt() != VERSION || buffer.getLong() != firstSequence)
        {
            return null;
        }
        final long lastSequence = buffer.getLong();
        final long lastTimestampNs = buffer.getLong();
        final long length = buffer.getLong();
        final int count = buffer.getInt();
        if (length != fileLength || count < 0 || bytes.length != FIXED_LENGTH + (long)count * ENTRY_LENGTH)
        {
            return null;
        }
        final SparseIndex index = new SparseIndex(count);
        for (int i = 0; i < count; i++)
        {
            index.add(buffer.getLong(), buffer.getLong());
        }
        final Segment segment = new Segment(segmentFile, firstSequence, index);
        segment.onAppend(lastSequence, lastTimestampNs, length);
        segment.seal();
        return segment;
    }

    private static int crc(final byte[] bytes, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int)crc.getValue();
    }
}
