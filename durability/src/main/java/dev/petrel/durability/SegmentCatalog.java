/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.util.Arrays;

/**
 * Ordered, copy-on-write list of the segments of a log.
 * <p>
 * The appender adds and removes segments under the log's append lock; readers use lock-free snapshots.
 */
final class SegmentCatalog
{
    private static final Segment[] EMPTY = new Segment[0];
    private volatile Segment[] segments = EMPTY;

    Segment[] snapshot()
    {
        return segments;
    }

    void add(final Segment segment)
    {
        final Segment[] current = segments;
        final Segment[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = segment;
        segments = next;
    }

    void removeFirst()
    {
        final Segment[] current = segments;
        segments = Arrays.copyOfRange(current, 1, current.length);
    }

    Segment first()
    {
        final Segment[] current = segments;
        return current.length == 0 ? null : current[0];
    }

    Segment last()
    {
        final Segment[] current = segments;
        return current.length == 0 ? null : current[current.length - 1];
    }

    /**
     * Finds the segment whose range holds a sequence, or the last segment when the sequence is the next one.
     *
     * @param sequence to look up.
     * @return the segment, or null if the sequence is not retained.
     */
    Segment find(final long sequence)
    {
        final Segment[] current = segments;
        int low = 0;
        int high = current.length - 1;
        Segment found = null;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (current[mid].firstSequence() <= sequence)
            {
                found = current[mid];
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        if (null != found && sequence > found.lastSequence() + 1)
        {
            return null;
        }
        return found;
    }

    long firstSequence()
    {
        final Segment first = first();
        return null == first ? 1 : first.firstSequence();
    }

    long lastSequence()
    {
        final Segment last = last();
        return null == last ? 0 : last.lastSequence();
    }

    long totalLength()
    {
        long total = 0;
        for (final Segment segment : segments)
        {
            total += segment.length();
        }
        return total;
    }
}
