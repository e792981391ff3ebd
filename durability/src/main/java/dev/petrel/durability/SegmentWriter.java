/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Appends framed records to the active segment file with positional writes and keeps its sparse index.
 * <p>
 * Called only under the log's append lock, except {@link #force()}, which group commit calls concurrently.
 * Appending threads must not be interrupted: an interrupt closes the file channel.
 */
final class SegmentWriter implements AutoCloseable
{
    private final Segment segment;
    private final FileChannel channel;
    private final int indexIntervalLength;
    private long position;
    private long lastIndexedPosition;

    SegmentWriter(final Segment segment, final int indexIntervalLength)
    {
        this.segment = segment;
        this.indexIntervalLength = indexIntervalLength;
        this.position = segment.length();
        this.lastIndexedPosition = segment.index().size() == 0 ?
            -indexIntervalLength : segment.index().positionAt(segment.index().size() - 1);
        try
        {
            channel = FileChannel.open(
                segment.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot open segment " + segment.file(), ex);
        }
    }

    Segment segment()
    {
        return segment;
    }

    long position()
    {
        return position;
    }

    void write(final ByteBuffer frame, final long sequence, final long timestampNs)
    {
        final long start = position;
        try
        {
            long next = start;
            while (frame.hasRemaining())
            {
                next += channel.write(frame, next);
            }
            position = next;
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot append to segment " + segment.file(), ex);
        }
        if (start - lastIndexedPosition >= indexIntervalLength)
        {
            segment.index().add(sequence, start);
            lastIndexedPosition = start;
        }
        segment.onAppend(sequence, timestampNs, position);
    }

    void force()
    {
        try
        {
            channel.force(false);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot force segment " + segment.file(), ex);
        }
    }

    public void close()
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
}
