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
 * Not thread safe. Bytes below a segment's published length never change, so a cached window stays valid.
 */
final class FileWindow
{
    private ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private FileChannel channel;
    private long windowStart;
    private int windowLength;

    FileWindow(final int capacity)
    {
        allocate(capacity);
    }

    void channel(final FileChannel channel)
    {
        this.channel = channel;
        windowLength = 0;
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
        byteBuffer.clear();
        try
        {
            int total = 0;
            while (total < length)
            {
                final int read = channel.read(byteBuffer, position + total);
                if (read < 0)
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
