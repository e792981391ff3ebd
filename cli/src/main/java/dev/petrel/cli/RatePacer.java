/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces sends evenly at a target rate: message {@code n} waits until {@code n / rate} seconds after the first.
 * Waits park for long gaps and spin for the last few microseconds; a pacer without a rate never waits. Not thread
 * safe.
 */
final class RatePacer
{
    private static final long SPIN_NS = 20_000L;

    private final long intervalNs;
    private long startNs;
    private long sent;

    /**
     * @param perSecond messages per second, or 0 for no limit.
     */
    RatePacer(final long perSecond)
    {
        this.intervalNs = 0 == perSecond ? 0 : Math.max(1, 1_000_000_000L / perSecond);
    }

    /**
     * Waits until the next message is due.
     */
    void awaitNext()
    {
        if (0 == intervalNs)
        {
            return;
        }
        final long now = System.nanoTime();
        if (0 == sent++)
        {
            startNs = now;
            return;
        }
        final long dueNs = startNs + (sent - 1) * intervalNs;
        long remainingNs = dueNs - now;
        while (remainingNs > 0)
        {
            if (remainingNs > SPIN_NS)
            {
                LockSupport.parkNanos(remainingNs - SPIN_NS);
            }
            else
            {
                Thread.onSpinWait();
            }
            if (Thread.currentThread().isInterrupted())
            {
                return;
            }
            remainingNs = dueNs - System.nanoTime();
        }
    }
}
