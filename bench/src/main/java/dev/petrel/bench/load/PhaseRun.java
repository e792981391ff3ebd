/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.NanoClock;

/**
 * One phase of a run (warm-up or measured): starts one thread per sender, watches them until they finish, then
 * waits for the receivers to catch up. Every wait is bounded by a deadline and ends early once nothing has
 * arrived for {@link #QUIET_NS}. Used by the running thread only.
 */
final class PhaseRun
{
    /** Draining stops once nothing has arrived for this long after the senders finished. */
    static final long QUIET_NS = TimeUnit.SECONDS.toNanos(2);

    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long PROGRESS_NS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final byte phase;
    private final NanoClock clock;
    private final LoadProgress progress;
    private final long startNs;
    private long nextProgressNs;

    PhaseRun(final String name, final byte phase, final NanoClock clock, final LoadProgress progress)
    {
        this.name = name;
        this.phase = phase;
        this.clock = clock;
        this.progress = progress;
        this.startNs = clock.nanoTime();
        this.nextProgressNs = startNs + PROGRESS_NS;
    }

    /**
     * Sends the phase's messages and returns once every sender has stopped (or, for a sender stuck in a blocked
     * send, once the deadline is well past).
     *
     * @param settings   the workload.
     * @param topology   its sockets.
     * @param budget     messages in total across senders.
     * @param endNs      when senders stop sending.
     * @param deadlineNs when to stop waiting for them.
     * @return the senders, with their counts.
     */
    List<LoadSender> send(
        final LoadSettings settings, final LoadTopology topology, final long budget, final long endNs,
        final long deadlineNs)
    {
        final List<MessageSink> sinks = topology.sinks();
        final List<LoadSender> senders = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final double ratePerSender = (double)settings.ratePerSec() / sinks.size();
        for (int i = 0; i < sinks.size(); i++)
        {
            final long share = budget == Long.MAX_VALUE ? budget :
                budget / sinks.size() + (i < budget % sinks.size() ? 1 : 0);
            final LoadSender sender = new LoadSender(sinks.get(i), new SendPacer(clock, ratePerSender), clock, i,
                phase, settings.messageLength(), share, endNs);
            final Thread thread = new Thread(sender, "petrel-bench-sender-" + i);
            thread.setDaemon(true);
            senders.add(sender);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        final long maxPolls = LoadTopology.maxPolls(deadlineNs - clock.nanoTime(), POLL_NS);
        for (long polls = 0; polls < maxPolls && clock.nanoTime() - deadlineNs < 0; polls++)
        {
            if (threads.stream().noneMatch(Thread::isAlive))
            {
                break;
            }
            pause(senders, topology);
        }
        failOnSenderError(senders);
        return senders;
    }

    /**
     * Waits until every message sent in this phase has arrived, nothing has arrived for a while, or the deadline.
     *
     * @param senders    the phase's senders.
     * @param topology   its sockets.
     * @param copies     how many receivers get each message.
     * @param deadlineNs when to stop waiting.
     * @return whether every message arrived.
     */
    boolean drain(
        final List<LoadSender> senders, final LoadTopology topology, final int copies, final long deadlineNs)
    {
        if (topology.receivers().isEmpty())
        {
            return true;
        }
        long lastCount = -1;
        long lastChangeNs = clock.nanoTime();
        final long maxPolls = LoadTopology.maxPolls(deadlineNs - lastChangeNs, POLL_NS);
        for (long polls = 0; polls < maxPolls; polls++)
        {
            final long expected = (sent(senders) - topology.failures()) * copies;
            final long received = received(topology);
            final long now = clock.nanoTime();
            if (received >= expected)
            {
                return true;
            }
            if (now - deadlineNs >= 0 || now - lastChangeNs > QUIET_NS)
            {
                return false;
            }
            if (received != lastCount)
            {
                lastCount = received;
                lastChangeNs = now;
            }
            pause(senders, topology);
        }
        return false;
    }

    private void pause(final List<LoadSender> senders, final LoadTopology topology)
    {
        LockSupport.parkNanos(POLL_NS);
        if (Thread.currentThread().isInterrupted())
        {
            throw new LoadFailedException("interrupted");
        }
        final long now = clock.nanoTime();
        if (now - nextProgressNs >= 0)
        {
            nextProgressNs = now + PROGRESS_NS;
            progress.onProgress(name, sent(senders), received(topology), now - startNs);
        }
    }

    private long received(final LoadTopology topology)
    {
        long total = 0;
        for (final ReceiverStats stats : topology.receivers())
        {
            total += StampDescriptor.PHASE_WARMUP == phase ? stats.warmup() : stats.measured();
        }
        return total;
    }

    private static long sent(final List<LoadSender> senders)
    {
        long total = 0;
        for (final LoadSender sender : senders)
        {
            total += sender.stats().sent();
        }
        return total;
    }

    private static void failOnSenderError(final List<LoadSender> senders)
    {
        for (int i = 0; i < senders.size(); i++)
        {
            final Throwable failure = senders.get(i).stats().failure();
            if (null != failure)
            {
                throw new LoadFailedException("sender " + i + " failed: " + failure.getMessage(), failure);
            }
        }
    }
}
