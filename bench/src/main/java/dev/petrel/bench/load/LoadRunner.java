/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.petrel.Node;
import dev.petrel.NodeContext;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Runs one workload in this process: opens the sockets on fresh nodes, waits until they are connected, runs the
 * discarded warm-up phase (if any) and then the measured phase, one thread per sender, and waits for the messages
 * to arrive, never longer than the settings' time cap. Blocks the calling thread for the whole run; not thread
 * safe.
 */
public final class LoadRunner
{
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration LINGER = Duration.ofMillis(200);

    private final NanoClock clock = SystemNanoClock.INSTANCE;
    private final LoadProgress progress;

    /**
     * @param progress hears about the run about once a second.
     */
    public LoadRunner(final LoadProgress progress)
    {
        this.progress = progress;
    }

    /**
     * Runs the workload.
     *
     * @param settings what to run.
     * @return what the measured phase produced.
     * @throws LoadFailedException when the sockets do not connect, a sender fails, or the run is interrupted.
     */
    public LoadResult run(final LoadSettings settings)
    {
        final Node receiving = Node.create(context(settings));
        final LoadTopology topology;
        final MeasuredPhase measured;
        try (Node extra = settings.transport().singleNode() ? null : Node.create(context(settings)))
        {
            final Node sending = null == extra ? receiving : extra;
            topology = LoadTopology.open(settings, sending, receiving, clock);
            measured = runPhases(settings, topology, READY_TIMEOUT.toNanos());
        }
        finally
        {
            receiving.close();
        }
        return result(settings, topology, measured.senders(), measured.capped());
    }

    /**
     * Runs the sending side of a two-process workload: one publisher, pusher or requester connects to the endpoint,
     * waits (up to the time cap) for its peers, then sends as the settings say. Subscribers to wait for are
     * {@link LoadSettings#receivers()}.
     *
     * @param role     a sending role.
     * @param endpoint where the receiving process is bound.
     * @param settings the workload (one sender).
     * @return what was sent; for a requester, also the round trips.
     * @throws LoadFailedException when the peers do not appear in time or sending fails.
     */
    public LoadResult runSender(final LoadRole role, final String endpoint, final LoadSettings settings)
    {
        final LoadTopology topology;
        final MeasuredPhase measured;
        try (Node node = Node.create(context(settings)))
        {
            topology = new RemoteSenderTopology(role, endpoint, node, settings, clock);
            measured = runPhases(settings, topology, settings.timeCap().toNanos());
        }
        return result(settings, topology, measured.senders(), measured.capped());
    }

    /**
     * Runs the receiving side of a two-process workload: one subscriber, puller or echoing replier binds the
     * endpoint and counts what arrives, as {@link LoadSettings#count()}, the duration and the time cap say.
     *
     * @param role     a receiving role.
     * @param endpoint where to bind.
     * @param settings the workload.
     * @param latency  whether to record latency from the sender's stamps: only when the sender is on this host.
     * @return what arrived.
     * @throws LoadFailedException when nothing arrives within the time cap.
     */
    public LoadResult runReceiver(
        final LoadRole role, final String endpoint, final LoadSettings settings, final boolean latency)
    {
        return new ReceiverRoleRun(clock, progress).run(role, endpoint, settings, latency);
    }

    /**
     * @param settings workload settings.
     * @return the context of a node running it: its idle strategy and a short linger.
     */
    static NodeContext context(final LoadSettings settings)
    {
        return new NodeContext().idleStrategy(settings.idleStrategy()).linger(LINGER);
    }

    private MeasuredPhase runPhases(final LoadSettings settings, final LoadTopology topology, final long readyNs)
    {
        topology.awaitReady(clock.nanoTime() + readyNs);
        if (!settings.warmup().isZero())
        {
            warmUp(settings, topology);
        }
        return measure(settings, topology);
    }

    private void warmUp(final LoadSettings settings, final LoadTopology topology)
    {
        final long startNs = clock.nanoTime();
        final long endNs = startNs + settings.warmup().toNanos();
        final PhaseRun phase = new PhaseRun("warm-up", StampDescriptor.PHASE_WARMUP, clock, progress);
        final List<LoadSender> senders =
            phase.send(settings, topology, Long.MAX_VALUE, endNs, endNs + LoadTopology.SEND_TIMEOUT.toNanos());
        phase.drain(senders, topology, settings.copiesPerMessage(), endNs + LoadTopology.SEND_TIMEOUT.toNanos());
    }

    private MeasuredPhase measure(final LoadSettings settings, final LoadTopology topology)
    {
        final long startNs = clock.nanoTime();
        final long capNs = startNs + settings.timeCap().toNanos();
        final long endNs = settings.duration().isZero() ? capNs :
            Math.min(capNs, startNs + settings.duration().toNanos());
        final long budget = settings.count() > 0 ? settings.count() : Long.MAX_VALUE;
        final PhaseRun phase = new PhaseRun("measured", StampDescriptor.PHASE_MEASURED, clock, progress);
        final List<LoadSender> senders = phase.send(settings, topology, budget, endNs, capNs);
        final boolean complete = phase.drain(senders, topology, settings.copiesPerMessage(), capNs);
        return new MeasuredPhase(senders, !complete && clock.nanoTime() - capNs >= 0);
    }

    private static LoadResult result(
        final LoadSettings settings, final LoadTopology topology, final List<LoadSender> senders,
        final boolean capped)
    {
        long firstSendNs = Long.MAX_VALUE;
        long sent = 0;
        final List<Throughput> sending = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++)
        {
            final SenderStats stats = senders.get(i).stats();
            firstSendNs = Math.min(firstSendNs, stats.startNs());
            sent += stats.sent();
            sending.add(new Throughput(i, stats.sent(), stats.sent() * settings.messageLength(),
                Math.max(0, stats.endNs() - stats.startNs())));
        }
        final Histogram merged = new Histogram(ReceiverStats.HIGHEST_TRACKABLE_NS, 3);
        final List<Throughput> receiving = new ArrayList<>();
        long received = 0;
        long bytes = 0;
        long lastArrivalNs = firstSendNs;
        for (int i = 0; i < topology.receivers().size(); i++)
        {
            final ReceiverStats stats = topology.receivers().get(i);
            received += stats.measured();
            bytes += stats.bytes();
            merged.add(stats.histogram());
            final long spanNs = 0 == stats.measured() ? 0 : stats.lastArrivalNs() - firstSendNs;
            lastArrivalNs = Math.max(lastArrivalNs, stats.lastArrivalNs());
            receiving.add(new Throughput(i, stats.measured(), stats.bytes(), spanNs));
        }
        final Throughput aggregate = new Throughput(-1, received, bytes, lastArrivalNs - firstSendNs);
        return new LoadResult(settings, sent, topology.failures(), capped, aggregate, sending, receiving, merged);
    }

    private record MeasuredPhase(List<LoadSender> senders, boolean capped)
    {
    }

    /**
     * @param settings settings whose rate is ignored.
     * @param rates    total send rates, messages per second.
     * @return one result per rate, in order.
     */
    public List<LoadResult> sweep(final LoadSettings settings, final long[] rates)
    {
        final List<LoadResult> results = new ArrayList<>();
        for (final long rate : rates)
        {
            results.add(run(settings.withRate(rate)));
        }
        return results;
    }
}
