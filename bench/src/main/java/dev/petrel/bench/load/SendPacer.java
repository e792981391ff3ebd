/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.NanoClock;

/**
 * Decides when each message of one sender is meant to go. Paced, message {@code i} is meant to go at
 * {@code start + i * interval} whether or not the sender kept up: a sender that stalls falls behind schedule and
 * then sends the overdue messages at once, each still carrying its intended time, so their latency includes the
 * stall (coordinated-omission correction). Unpaced, a message is meant to go when it is sent. Single thread.
 */
final class SendPacer
{
    private static final long SPIN_NS = 50_000;
    private static final int MAX_WAIT_STEPS = 10_000_000;

    private final NanoClock clock;
    private final long intervalNs;
    private long startNs;
    private long sequence;

    /**
     * @param clock      the clock stamps come from.
     * @param ratePerSec messages per second for this sender, or 0 for unpaced.
     */
    SendPacer(final NanoClock clock, final double ratePerSec)
    {
        this.clock = clock;
        this.intervalNs = ratePerSec > 0 ? Math.max(1, Math.round(1e9 / ratePerSec)) : 0;
    }

    /**
     * Starts the schedule now.
     */
    void start()
    {
        startNs = clock.nanoTime();
        sequence = 0;
    }

    /**
     * Waits until the next message is due (not at all when behind schedule or unpaced), and no later than
     * {@code deadlineNs}.
     *
     * @param deadlineNs when to stop waiting regardless, on the same clock.
     * @return the next message's intended send time.
     */
    long awaitNext(final long deadlineNs)
    {
        if (0 == intervalNs)
        {
            return clock.nanoTime();
        }
        final long intendedNs = startNs + sequence++ * intervalNs;
        final long untilNs = Math.min(intendedNs, deadlineNs);
        long now = clock.nanoTime();
        for (int i = 0; i < MAX_WAIT_STEPS && untilNs - now > 0; i++)
        {
            final long remainingNs = untilNs - now;
            if (remainingNs > SPIN_NS)
            {
                LockSupport.parkNanos(remainingNs - SPIN_NS);
            }
            else
            {
                Thread.onSpinWait();
            }
            now = clock.nanoTime();
        }
        return intendedNs;
    }
}
