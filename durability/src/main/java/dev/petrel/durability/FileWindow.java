/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reusable direct buffer holding a window of a file, refilled by positional reads when a range falls outside it.
 * <p>
 * Not thread safe. Bytes below a segment's published length never change, so a cached window stays valid as long as
 * refills stop at that length (see {@link #readLimit(long)}).
 */
final class FileWindow
{
    private ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private FileChannel channel;
    private long windowStart;
    private int windowLength;
    private long readLimit = Long.MAX_VALUE;

    FileWindow(final int capacity)
    {
        allocate(capacity);
    }

    void channel(final FileChannel channel)
    {
        this.channel = channel;
        windowLength = 0;
        readLimit = Long.MAX_VALUE;
    }

    /**
     * Stops refills at a position of the file, so that bytes past it, which a mapped writer may still change, are
     * never cached.
     *
     * @param readLimit position in the file that refills do not read past.
     */
    void readLimit(final long readLimit)
    {
        this.readLimit = readLimit;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    ByteBuffer byteBuffer()
    {
        return byteBuffer;
    }

    int offset(final long position)
    {
        return (int)(position - windowStart);
    }

    /**
     * Makes sure a range of the file is in the window.
     *
     * @param position of the range in the file.
     * @param length   of the range.
     * @return true if the whole range is available, false if the file ends first.
     */
    boolean ensure(final long position, final int length)
    {
        if (position >= windowStart && position + length <= windowStart + windowLength)
        {
            return true;
        }
        if (length > byteBuffer.capacity())
        {
            allocate(Math.max(length, byteBuffer.capacity() * 2));
        }
        windowStart = position;
        windowLength = fill(position, length);
        return windowLength >= length;
    }

    private int fill(final long position, final int length)
    {
        byteBuffer.clear().limit((int)Math.min(byteBuffer.capacity(), Math.max(0, readLimit - position)));
        try
        {
            int total = 0;
            while (total < length)
            {
                final int read = channel.read(byteBuffer, position + total);
                if (read <= 0)
                {
                    break;
                }
                total += read;
            }
            return total;
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot read log file at position " + position, ex);
        }
    }

    private void allocate(final int capacity)
    {
        byteBuffer = ByteBuffer.allocateDirect(capacity);
        buffer.wrap(byteBuffer);
        windowLength = 0;
    }
}
