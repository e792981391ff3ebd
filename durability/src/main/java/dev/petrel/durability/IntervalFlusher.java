/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import dev.petrel.durability.exceptions.DurabilityException;

/**
 * Forces a log under the {@link FsyncPolicy#INTERVAL interval} policy off the appending threads: a daemon thread
 * forces whatever is appended and not yet forced when an append finds the time interval passed, and at least once
 * per time interval, so a quiet log's last records are on storage within the interval too. When an append finds the
 * length interval appended, the flusher forces the records below the appender's mapping window, which no mapping
 * holds any more, and the whole log only when those are on storage already: a force of the whole log
 * write-protects each dirty page the appender still maps, one TLB shootdown a page, and the appender faults on it
 * again (a 64 B durable stream ran about 35 % faster with forces below the window, see
 * {@link SegmentWriter#forceBelowWindow()}). An appender does not wait for
 * an fsync under this policy unless the flusher falls more than {@value #MAX_PENDING} due forces behind, when the
 * appender forces itself: the unforced tail stays bounded by what the disk can take. A force that fails is thrown
 * to the next appender, as an inline force would have been.
 */
final class IntervalFlusher implements AutoCloseable
{
    /** Forces due and not yet served after which appenders force themselves. */
    static final int MAX_PENDING = 4;
    /** No force is due. */
    static final int NOT_DUE = 0;
    /** A force is due because the length interval was appended since the last. */
    static final int DUE_BY_LENGTH = 1;
    /** A force is due because the time interval passed since the last. */
    static final int DUE_BY_TIME = 2;

    private static final long QUIET_WAKE_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long JOIN_TIMEOUT_MS = 10_000;

    private final GroupCommit groupCommit;
    private final LongSupplier lastSequence;
    private final long wakeNs;
    private final Thread thread;
    private final AtomicBoolean wholeLogDue = new AtomicBoolean();
    private volatile int pending;
    private volatile DurabilityException failure;
    private volatile boolean closed;

    /**
     * Starts the flusher's thread.
     *
     * @param groupCommit  forces the log.
     * @param lastSequence the log's last appended sequence.
     * @param intervalNs   the policy's time interval, 0 when only a length interval is set.
     * @param name         names the thread.
     */
    IntervalFlusher(
        final GroupCommit groupCommit, final LongSupplier lastSequence, final long intervalNs, final String name)
    {
        this.groupCommit = groupCommit;
        this.lastSequence = lastSequence;
        this.wakeNs = intervalNs > 0 ? intervalNs : QUIET_WAKE_NS;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Called by an appender whose record made a force due: hands the force to the flusher, or forces now when the
     * flusher is too far behind.
     *
     * @param byTime true when the time interval made it due, which asks for the whole log; false for the length
     *               interval, which the records below the appender's mapping window serve.
     * @throws DurabilityException when an earlier force by the flusher failed, or this one does.
     */
    void onForceDue(final boolean byTime)
    {
        final DurabilityException failed = failure;
        if (null != failed)
        {
            throw failed;
        }
        final int behind = pending;
        if (behind >= MAX_PENDING)
        {
            groupCommit.force();
            return;
        }
        if (byTime)
        {
            wholeLogDue.set(true);
        }
        pending = behind + 1;
        LockSupport.unpark(thread);
    }

    private void run()
    {
        while (!closed)
        {
            if (0 == pending)
            {
                LockSupport.parkNanos(this, wakeNs);
            }
            if (closed)
            {
                return;
            }
            final boolean dueByLength = pending > 0 && !wholeLogDue.getAndSet(false);
            pending = 0;
            if (groupCommit.durableSequence() < lastSequence.getAsLong())
            {
                forceQuietly(dueByLength);
            }
        }
    }

    private void forceQuietly(final boolean dueByLength)
    {
        try
        {
            if (dueByLength)
            {
                groupCommit.tryForceBelowWindow();
            }
            else
            {
                groupCommit.tryForce();
            }
        }
        catch (final DurabilityException ex)
        {
            failure = ex;
        }
    }

    /**
     * Stops the thread, waiting for a force in progress to finish; the log's own close forces what is left.
     */
    @Override
    public void close()
    {
        closed = true;
        LockSupport.unpark(thread);
        try
        {
            thread.join(JOIN_TIMEOUT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
