/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.util.Arrays;

/**
 * Sparse map from sequence to file position within one segment, one entry every index interval.
 * <p>
 * Thread safe: the appender adds entries while readers look positions up.
 */
final class SparseIndex
{
    private static final int MAX_INITIAL_CAPACITY = 64 * 1024;

    private long[] sequences;
    private long[] positions;
    private int size;

    SparseIndex()
    {
        this(16);
    }

    /**
     * Creates an index sized up front, so that an active segment's appends do not grow it.
     *
     * @param expectedEntries entries the segment is expected to need, capped at 64 Ki.
     */
    SparseIndex(final long expectedEntries)
    {
        final int capacity = (int)Math.max(1, Math.min(expectedEntries, MAX_INITIAL_CAPACITY));
        sequences = new long[capacity];
        positions = new long[capacity];
    }

    synchronized void add(final long sequence, final long position)
    {
        if (size == sequences.length)
        {
            sequences = Arrays.copyOf(sequences, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        sequences[size] = sequence;
        positions[size] = position;
        size++;
    }

    synchronized int size()
    {
        return size;
    }

    synchronized long sequenceAt(final int i)
    {
        return sequences[i];
    }

    synchronized long positionAt(final int i)
    {
        return positions[i];
    }

    /**
     * Finds the entry with the greatest sequence not above the given one.
     *
     * @param sequence to look up.
     * @return the entry index, or -1 if every entry is above the sequence or the index is empty.
     */
    synchronized int floor(final long sequence)
    {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (sequences[mid] <= sequence)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found;
    }
}
