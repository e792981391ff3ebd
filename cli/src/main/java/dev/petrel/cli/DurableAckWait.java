/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Waits on the calling thread until a durable pusher's or publisher's log is acknowledged up to a sequence, failing
 * when the acknowledged sequence stops moving for longer than a timeout.
 */
final class DurableAckWait
{
    private static final long CHECK_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private DurableAckWait()
    {
    }

    /**
     * @param acknowledgedSequence reads the sequence up to which every durable receiver acknowledged the log.
     * @param sequence             to wait for.
     * @param timeout              longest time without progress.
     * @param receivers            what the durable receivers are called, for the failure message.
     * @throws CommandFailedException when the timeout passes without progress.
     */
    static void await(
        final LongSupplier acknowledgedSequence, final long sequence, final Duration timeout, final String receivers)
    {
        final long checks = Math.max(1, timeout.toNanos() / CHECK_NS);
        long acknowledged = acknowledgedSequence.getAsLong();
        long idleChecks = 0;
        while (acknowledged < sequence)
        {
            if (++idleChecks > checks)
            {
                throw new CommandFailedException("no durable " + receivers + " acknowledged anything within " +
                    DurationConverter.format(timeout) + " (acknowledged up to " + acknowledged + " of " +
                    sequence + ")");
            }
            LockSupport.parkNanos(CHECK_NS);
            final long now = acknowledgedSequence.getAsLong();
            if (now != acknowledged)
            {
                acknowledged = now;
                idleChecks = 0;
            }
        }
    }
}
