/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import dev.petrel.durability.exceptions.LogCorruptionException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static dev.petrel.durability.RecordDescriptor.*;

/**
 * Reads records in sequence order from a starting sequence, crossing segments, and checks each record's CRC32C.
 * <p>
 * Single threaded: one reader belongs to one consumer thread. It may run concurrently with the appender and sees
 * every record appended before each {@link #poll(RecordHandler, int)}. Once positioned, polling allocates nothing
 * except when a record is larger than the read window or the reader moves to another segment.
 *
 * @since 0.1.0
 */
public final class LogReader implements AutoCloseable
{
    private static final int WINDOW_LENGTH = 64 * 1024;

    private final SegmentCatalog catalog;
    private final FileWindow window = new FileWindow(WINDOW_LENGTH);
    private final UnsafeBuffer payload = new UnsafeBuffer(0, 0);
    private final CRC32C crc = new CRC32C();
    private Segment segment;
    private FileChannel channel;
    private long position;
    private long nextSequence;
    private boolean closed;

    LogReader(final SegmentCatalog catalog, final long fromSequence)
    {
        this.catalog = catalog;
        final Segment start = catalog.find(fromSequence);
        if (null == start)
        {
            throw new IllegalArgumentException("sequence " + fromSequence + " is outside the log's range " +
                catalog.firstSequence() + ".." + (catalog.lastSequence() + 1));
        }
        open(start);
        seek(fromSequence);
    }

    /**
     * Sequence of the next record this reader will deliver.
     *
     * @return the next sequence.
     */
    public long nextSequence()
    {
        return nextSequence;
    }

    /**
     * Delivers available records to a handler.
     *
     * @param handler     for each record.
     * @param recordLimit most records to deliver in this call.
     * @return the number of records delivered, zero when the reader has caught up with the log.
     * @throws LogCorruptionException if a record below the end of the log is damaged.
     */
    public int poll(final RecordHandler handler, final int recordLimit)
    {
        int count = 0;
        // The published length is read again only once the records below it are delivered: the appender writes
        // it for every record, and reading it for every record would pull its cache line over on every one.
        long segmentLength = segment.length();
        while (count < recordLimit)
        {
            if (position >= segmentLength)
            {
                segmentLength = segment.length();
                if (position >= segmentLength)
                {
                    if (!nextSegment())
                    {
                        break;
                    }
                    segmentLength = segment.length();
                }
                continue;
            }
            window.readLimit(segmentLength);
            final int frameLength = readFrame(segmentLength);
            final int offset = window.offset(position);
            payload.wrap(window.buffer(), offset + HEADER_LENGTH, frameLength - HEADER_LENGTH);
            final long timestampNs = window.buffer().getLong(offset + TIMESTAMP_OFFSET, BYTE_ORDER);
            position += frameLength;
            nextSequence++;
            count++;
            handler.onRecord(payload, 0, frameLength - HEADER_LENGTH, nextSequence - 1, timestampNs);
        }
        return count;
    }

    /**
     * Closes the reader's file.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            closeChannel();
        }
        finally
        {
            segment.releaseReader();
        }
    }

    private int readFrame(final long segmentLength)
    {
        if (!window.ensure(position, HEADER_LENGTH))
        {
            throw damage(RecordDamage.TORN_HEADER);
        }
        final int frameLength = window.buffer().getInt(window.offset(position) + LENGTH_OFFSET, BYTE_ORDER);
        if (frameLength < HEADER_LENGTH || position + frameLength > segmentLength)
        {
            throw damage(RecordDamage.BAD_LENGTH);
        }
        if (!window.ensure(position, frameLength))
        {
            throw damage(RecordDamage.TORN_RECORD);
        }
        final int offset = window.offset(position);
        if (window.buffer().getInt(offset + CRC_OFFSET, BYTE_ORDER) !=
            computeCrc(crc, window.byteBuffer(), offset, frameLength))
        {
            throw damage(RecordDamage.CRC_MISMATCH);
        }
        if (window.buffer().getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER) != nextSequence)
        {
            throw damage(RecordDamage.SEQUENCE_GAP);
        }
        return frameLength;
    }

    private boolean nextSegment()
    {
        if (closed || !segment.sealed())
        {
            return false;
        }
        final Segment next = catalog.find(nextSequence);
        if (null == next)
        {
            if (nextSequence < catalog.firstSequence())
            {
                throw new DurabilityException("records from sequence " + nextSequence + " are no longer retained");
            }
            return false;
        }
        if (next == segment)
        {
            return false;
        }
        open(next);
        return true;
    }

    private void seek(final long sequence)
    {
        final SparseIndex index = segment.index();
        final int entry = index.floor(sequence);
        position = entry < 0 ? 0 : index.positionAt(entry);
        nextSequence = entry < 0 ? segment.firstSequence() : index.sequenceAt(entry);
        window.readLimit(segment.length());
        while (nextSequence < sequence)
        {
            if (!window.ensure(position, HEADER_LENGTH))
            {
                throw damage(RecordDamage.TORN_HEADER);
            }
            position += window.buffer().getInt(window.offset(position) + LENGTH_OFFSET, BYTE_ORDER);
            nextSequence++;
        }
    }

    /**
     * Moves to a segment, registered as its reader; the segment left, if any, is unregistered and its file closed.
     */
    private void open(final Segment next)
    {
        if (!next.acquireReader())
        {
            throw new DurabilityException("records from sequence " + next.firstSequence() + " are no longer retained");
        }
        final FileChannel opened;
        try
        {
            opened = FileChannel.open(next.file(), StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            next.releaseReader();
            throw new DurabilityException("cannot open segment " + next.file(), ex);
        }
        if (null != segment)
        {
            BackgroundCloser.closeLater(channel);
            segment.releaseReader();
        }
        segment = next;
        channel = opened;
        position = 0;
        nextSequence = next.firstSequence();
        window.channel(channel);
    }

    private void closeChannel()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot close segment " + segment.file(), ex);
        }
    }

    private LogCorruptionException damage(final RecordDamage damage)
    {
        return new LogCorruptionException(
            damage + " in segment " + segment.file() + " at offset " + position + " (sequence " + nextSequence + ")");
    }
}
