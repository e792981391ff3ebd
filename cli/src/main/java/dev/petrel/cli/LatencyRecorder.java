/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.petrel.Message;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Counts demo messages as they arrive and records each one's latency from the {@link System#nanoTime()} stamp in
 * its first eight bytes. A run has phases (a warm-up, then the measured pass): {@link #begin()} starts one, and
 * {@link #await} waits until the number of messages sent in it has arrived. Called from one receiving thread at a
 * time; begin a phase only after the previous one's messages all arrived, and read the results after
 * {@link #await} returns.
 */
final class LatencyRecorder
{
    private static final long HIGHEST_NS = TimeUnit.MINUTES.toNanos(1);

    private final Histogram histogram = new Histogram(HIGHEST_NS, 3);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private volatile CountDownLatch done = new CountDownLatch(1);
    private volatile long expected = Long.MAX_VALUE;
    private volatile long received;
    private volatile Throwable failure;
    private long lastNs;

    /**
     * Starts a phase: forgets the counts and latencies of the previous one.
     */
    void begin()
    {
        histogram.reset();
        lastNs = 0;
        received = 0;
        expected = Long.MAX_VALUE;
        done = new CountDownLatch(1);
    }

    /**
     * Records one arrival.
     *
     * @param message a demo message or reply.
     */
    void onMessage(final Message message)
    {
        final long now = System.nanoTime();
        view.wrap(message.payload());
        histogram.recordValue(Math.min(Math.max(0, now - view.getLong(0)), HIGHEST_NS));
        lastNs = now;
        final long count = received + 1;
        received = count;
        if (count >= expected)
        {
            done.countDown();
        }
    }

    /**
     * Ends the run early with a failure.
     *
     * @param error what went wrong.
     */
    void onFailure(final Throwable error)
    {
        if (null == failure)
        {
            failure = error;
        }
        done.countDown();
    }

    /**
     * @param messages how many messages this phase sent.
     * @param timeout  how long to wait for all of them.
     * @return true when all arrived; false at the timeout.
     * @throws CommandFailedException when the run failed.
     */
    boolean await(final long messages, final Duration timeout)
    {
        expected = messages;
        if (received >= messages)
        {
            done.countDown();
        }
        try
        {
            final boolean complete = done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            final Throwable error = failure;
            if (null != error)
            {
                throw new CommandFailedException(String.valueOf(error.getMessage()), error);
            }
            return complete;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted", ex);
        }
    }

    /**
     * @return messages received so far in this phase.
     */
    long received()
    {
        return received;
    }

    /**
     * @return when the last message arrived, {@link System#nanoTime()}.
     */
    long lastNs()
    {
        return lastNs;
    }

    /**
     * @return the latencies of this phase, in nanoseconds.
     */
    Histogram histogram()
    {
        return histogram;
    }
}
