/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shares forces between appending threads: whichever waiting thread takes the sync lock first forces everything
 * appended so far, and every thread whose record that force covered returns without forcing again.
 * <p>
 * Thread safe. Segment writers retired by a roll are closed here, under the sync lock, because a force may still be
 * running on them.
 */
final class GroupCommit
{
    private final ReentrantLock syncLock = new ReentrantLock();
    private final AtomicLong durableSequence = new AtomicLong();
    private final AtomicLong forceCount = new AtomicLong();
    private final ArrayDeque<SegmentWriter> retired = new ArrayDeque<>();
    private final LongSupplier appendedSequence;
    private final Supplier<SegmentWriter> activeWriter;

    GroupCommit(final LongSupplier appendedSequence, final Supplier<SegmentWriter> activeWriter)
    {
        this.appendedSequence = appendedSequence;
        this.activeWriter = activeWriter;
        durableSequence.set(appendedSequence.getAsLong());
    }

    long durableSequence()
    {
        return durableSequence.get();
    }

    long forceCount()
    {
        return forceCount.get();
    }

    /**
     * Blocks until a sequence is on storage, forcing the log unless another thread's force already covers it.
     *
     * @param sequence that must be durable.
     */
    void awaitDurable(final long sequence)
    {
        if (durableSequence.get() >= sequence)
        {
            return;
        }
        syncLock.lock();
        try
        {
            if (durableSequence.get() < sequence)
            {
                forceLocked();
            }
        }
        finally
        {
            syncLock.unlock();
        }
    }

    /**
     * Forces the log unless another thread is forcing it right now.
     */
    void tryForce()
    {
        if (syncLock.tryLock())
        {
            try
            {
                forceLocked();
            }
            finally
            {
                syncLock.unlock();
            }
        }
    }

    /**
     * Forces the records below the active writer's mapping window, or the whole log when those are on storage
     * already, unless another thread is forcing it right now; see {@link SegmentWriter#forceBelowWindow()}.
     */
    void tryForceBelowWindow()
    {
        if (syncLock.tryLock())
        {
            try
            {
                final long forced = activeWriter.get().forceBelowWindow();
                if (SegmentWriter.NOTHING_FORCED == forced)
                {
                    forceLocked();
                }
                else
                {
                    onForced(forced);
                    closeRetired();
                }
            }
            finally
            {
                syncLock.unlock();
            }
        }
    }

    /**
     * Forces the log, waiting for any force in progress.
     */
    void force()
    {
        syncLock.lock();
        try
        {
            forceLocked();
        }
        finally
        {
            syncLock.unlock();
        }
    }

    /**
     * Records that every sequence up to the given one was forced by the appender, for example when rolling.
     *
     * @param sequence now durable.
     */
    void onForced(final long sequence)
    {
        // counted first, so a thread that sees the sequence durable also sees the force that made it so
        forceCount.incrementAndGet();
        durableSequence.accumulateAndGet(sequence, Math::max);
    }

    /**
     * Hands over a writer replaced by a roll; it is closed now if no force is running, else by the running force.
     *
     * @param writer no longer active.
     */
    void retire(final SegmentWriter writer)
    {
        synchronized (retired)
        {
            retired.add(writer);
        }
        if (syncLock.tryLock())
        {
            try
            {
                closeRetired();
            }
            finally
            {
                syncLock.unlock();
            }
        }
    }

    void close()
    {
        syncLock.lock();
        try
        {
            closeRetired();
        }
        finally
        {
            syncLock.unlock();
        }
    }

    private void forceLocked()
    {
        // Read the sequence before the writer: records up to it are in this writer or in one forced by a roll.
        final long target = appendedSequence.getAsLong();
        final SegmentWriter writer = activeWriter.get();
        if (target > durableSequence.get())
        {
            writer.force();
            onForced(target);
        }
        closeRetired();
    }

    private void closeRetired()
    {
        synchronized (retired)
        {
            SegmentWriter writer;
            while (null != (writer = retired.poll()))
            {
                writer.close();
            }
        }
    }
}
