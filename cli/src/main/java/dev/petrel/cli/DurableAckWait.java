/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.petrel.Pusher;

/**
 * Waits on the calling thread until a durable pusher's log is acknowledged up to a sequence, failing when the
 * acknowledged sequence stops moving for longer than a timeout.
 */
final class DurableAckWait
{
    private static final long CHECK_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private DurableAckWait()
    {
    }

    /**
     * @param pusher   a durable pusher.
     * @param sequence to wait for.
     * @param timeout  longest time without progress.
     * @throws CommandFailedException when the timeout passes without progress.
     */
    static void await(final Pusher pusher, final long sequence, final Duration timeout)
    {
        final long checks = Math.max(1, timeout.toNanos() / CHECK_NS);
        long acknowledged = pusher.acknowledgedSequence();
        long idleChecks = 0;
        while (acknowledged < sequence)
        {
            if (++idleChecks > checks)
            {
                throw new CommandFailedException("no durable puller acknowledged anything within " +
                    DurationConverter.format(timeout) + " (acknowledged up to " + acknowledged + " of " +
                    sequence + ")");
            }
            LockSupport.parkNanos(CHECK_NS);
            final long now = pusher.acknowledgedSequence();
            if (now != acknowledged)
            {
                acknowledged = now;
                idleChecks = 0;
            }
        }
    }
}
