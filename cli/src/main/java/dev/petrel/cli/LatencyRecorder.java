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
 * its first eight bytes. Called from one receiving thread at a time; read the results after {@link #await}
 * returns.
 */
final class LatencyRecorder
{
    private static final long HIGHEST_NS = TimeUnit.MINUTES.toNanos(1);

    private final Histogram histogram = new Histogram(HIGHEST_NS, 3);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final CountDownLatch done = new CountDownLatch(1);
    private final long expected;
    private volatile long received;
    private volatile Throwable failure;
    private long lastNs;

    /**
     * @param expected how many messages make the run complete.
     */
    LatencyRecorder(final long expected)
    {
        this.expected = expected;
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
        if (count == expected)
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
     * @param timeout how long to wait for every message.
     * @return true when all arrived; false at the timeout.
     * @throws CommandFailedException when the run failed.
     */
    boolean await(final Duration timeout)
    {
        try
        {
            final boolean complete = done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            final Throwable error = failure;
            if (null != error)
            {
                throw new CommandFailedException(String.valueOf(error.getMessage()));
            }
            return complete;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted");
        }
    }

    /**
     * @return messages received so far.
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
     * @return the latencies, in nanoseconds.
     */
    Histogram histogram()
    {
        return histogram;
    }
}
