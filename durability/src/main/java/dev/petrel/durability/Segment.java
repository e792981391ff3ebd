/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * State of one segment file: its sequence range, length and sparse index.
 * <p>
 * The appender is the single writer; readers see a consistent prefix because {@link #length()} is published last.
 */
final class Segment
{
    private static final AtomicLongFieldUpdater<Segment> LAST_SEQUENCE =
        AtomicLongFieldUpdater.newUpdater(Segment.class, "lastSequence");
    private static final AtomicLongFieldUpdater<Segment> LAST_TIMESTAMP_NS =
        AtomicLongFieldUpdater.newUpdater(Segment.class, "lastTimestampNs");

    private final Path file;
    private final long firstSequence;
    private final SparseIndex index;
    private final AtomicInteger readers = new AtomicInteger();
    private volatile long lastSequence;
    private volatile long lastTimestampNs;
    private volatile long length;
    private volatile boolean sealed;

    Segment(final Path file, final long firstSequence, final SparseIndex index)
    {
        this.file = file;
        this.firstSequence = firstSequence;
        this.index = index;
        this.lastSequence = firstSequence - 1;
    }

    Path file()
    {
        return file;
    }

    long firstSequence()
    {
        return firstSequence;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    long length()
    {
        return length;
    }

    boolean sealed()
    {
        return sealed;
    }

    SparseIndex index()
    {
        return index;
    }

    /**
     * Publishes a record appended: release stores for its sequence and timestamp, and a volatile store of the
     * length last, the one full fence an append needs to order it before the appender's check of whether the I/O
     * thread must be woken.
     */
    void onAppend(final long sequence, final long timestampNs, final long newLength)
    {
        LAST_TIMESTAMP_NS.lazySet(this, timestampNs);
        LAST_SEQUENCE.lazySet(this, sequence);
        length = newLength;
    }

    /**
     * Registers a reader of this process that opens the segment's file.
     *
     * @return false when the file was claimed for reuse, which leaves nothing of this segment to read.
     */
    boolean acquireReader()
    {
        int count;
        do
        {
            count = readers.get();
            if (count < 0)
            {
                return false;
            }
        }
        while (!readers.compareAndSet(count, count + 1));
        return true;
    }

    /**
     * Unregisters a reader that {@link #acquireReader() registered}.
     */
    void releaseReader()
    {
        readers.decrementAndGet();
    }

    /**
     * Claims the file of a segment removed from the catalog for reuse, which stops readers from opening it.
     *
     * @return false when a reader has it open.
     */
    boolean claimForReuse()
    {
        return readers.compareAndSet(0, -1);
    }

    void seal()
    {
        sealed = true;
    }

    public String toString()
    {
        return "Segment{file=" + file.getFileName() + ", first=" + firstSequence + ", last=" + lastSequence +
            ", length=" + length + ", sealed=" + sealed + "}";
    }
}
