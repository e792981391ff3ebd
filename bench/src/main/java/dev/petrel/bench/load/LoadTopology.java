/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.petrel.Node;
import org.agrona.concurrent.NanoClock;

/**
 * The sockets of one workload, bound and connected on loopback: one sink per sender and one set of counters per
 * receiver. Made and used by one thread; the sockets close with their nodes.
 */
interface LoadTopology
{
    /** Subject every load message is sent on. */
    String SUBJECT = "bench.load";

    /** How long a blocked send or request waits for room before it fails. */
    Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @return one sink per sender, in sender order.
     */
    List<MessageSink> sinks();

    /**
     * @return the counters of each receiver (each requester, for request/reply).
     */
    List<ReceiverStats> receivers();

    /**
     * @return requests that failed (timed out or refused); always 0 for one-way patterns.
     */
    long failures();

    /**
     * Waits until every sender reaches every receiver it should.
     *
     * @param deadlineNs when to give up, {@link System#nanoTime()}.
     * @throws LoadFailedException at the deadline.
     */
    void awaitReady(long deadlineNs);

    /**
     * Opens the sockets for a workload.
     *
     * @param settings  the workload.
     * @param sending   the node senders live on.
     * @param receiving the node receivers live on (may be the same).
     * @param clock     the stamping clock.
     * @return the topology.
     */
    static LoadTopology open(
        final LoadSettings settings, final Node sending, final Node receiving, final NanoClock clock)
    {
        return switch (settings.pattern())
        {
            case PUBSUB -> new PubSubTopology(settings, sending, receiving, clock);
            case PUSHPULL -> new PushPullTopology(settings, sending, receiving, clock);
            case REQREP -> new ReqRepTopology(settings, sending, receiving, clock);
        };
    }

    /**
     * Waits, bounded, for a condition.
     *
     * @param condition  what to wait for.
     * @param deadlineNs when to give up, {@link System#nanoTime()}.
     * @param what       what was awaited, for the failure message.
     * @throws LoadFailedException at the deadline.
     */
    static void await(final BooleanSupplier condition, final long deadlineNs, final String what)
    {
        final long pollNs = TimeUnit.MILLISECONDS.toNanos(1);
        final long maxPolls = maxPolls(deadlineNs - System.nanoTime(), pollNs);
        for (long polls = 0; !condition.getAsBoolean(); polls++)
        {
            if (System.nanoTime() - deadlineNs > 0 || polls > maxPolls)
            {
                throw new LoadFailedException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(pollNs);
        }
    }

    /**
     * @param spanNs how long a polling loop may run.
     * @param pollNs how long each poll parks.
     * @return a generous iteration limit for it, so the loop ends even if the clock misbehaves.
     */
    static long maxPolls(final long spanNs, final long pollNs)
    {
        return 2 * Math.max(0, spanNs) / pollNs + 1000;
    }
}
