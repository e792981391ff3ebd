/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.petrel.Node;
import dev.petrel.Puller;
import dev.petrel.Subscriber;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The receiving side of a two-process workload: binds one subscriber, puller or echoing replier, waits (up to the
 * time cap) for the first measured message, then counts until it has {@link LoadSettings#count()} messages, the
 * duration has passed since the first, nothing has arrived for {@link PhaseRun#QUIET_NS}, or the time cap.
 * Latency comes from the sender's stamps, so it means something only when the sender runs on this host.
 */
final class ReceiverRoleRun
{
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long PROGRESS_NS = TimeUnit.SECONDS.toNanos(1);

    private final NanoClock clock;
    private final LoadProgress progress;

    ReceiverRoleRun(final NanoClock clock, final LoadProgress progress)
    {
        this.clock = clock;
        this.progress = progress;
    }

    LoadResult run(final LoadRole role, final String endpoint, final LoadSettings settings, final boolean latency)
    {
        final ReceiverStats stats = new ReceiverStats(clock);
        final boolean capped;
        try (Node node = Node.create(LoadRunner.context(settings)))
        {
            bind(role, endpoint, node, stats);
            capped = receive(settings, stats);
        }
        final long spanNs = Math.max(0, stats.lastArrivalNs() - stats.firstArrivalNs());
        final Throughput received = new Throughput(0, stats.measured(), stats.bytes(), spanNs);
        final long sent = settings.count() > 0 ? settings.count() : stats.measured();
        final Histogram histogram = latency ? stats.histogram() : new Histogram(3);
        return new LoadResult(settings, sent, 0, capped, received, List.of(), List.of(received), histogram);
    }

    private static void bind(final LoadRole role, final String endpoint, final Node node, final ReceiverStats stats)
    {
        switch (role)
        {
            case SUB ->
            {
                final Subscriber subscriber = node.subscriber();
                subscriber.subscribe("bench.>", stats);
                subscriber.bind(endpoint);
            }
            case PULLER ->
            {
                final Puller puller = node.puller().bufferHandler(stats);
                puller.bind(endpoint);
            }
            case REPLIER -> node.replier().handle("bench.>", request ->
            {
                final byte[] payload = request.payload();
                stats.onMessage(new UnsafeBuffer(payload), 0, payload.length);
                return request;
            }).bind(endpoint);
            default -> throw new IllegalArgumentException(role.label() + " is not a receiving role");
        }
    }

    private boolean receive(final LoadSettings settings, final ReceiverStats stats)
    {
        final long startNs = clock.nanoTime();
        final long capNs = startNs + settings.timeCap().toNanos();
        LoadTopology.await(() -> stats.measured() > 0, capNs, "the first measured message");
        final long endNs = settings.duration().isZero() ? capNs :
            Math.min(capNs, stats.firstArrivalNs() + settings.duration().toNanos());
        final long target = settings.count() > 0 ? settings.count() : Long.MAX_VALUE;
        long nextProgressNs = clock.nanoTime() + PROGRESS_NS;
        final long maxPolls = LoadTopology.maxPolls(capNs - clock.nanoTime(), POLL_NS);
        for (long polls = 0; polls < maxPolls && stats.measured() < target; polls++)
        {
            final long now = clock.nanoTime();
            if (now - endNs >= 0 || now - stats.lastArrivalNs() > PhaseRun.QUIET_NS)
            {
                return now - capNs >= 0 && target != Long.MAX_VALUE;
            }
            if (now - nextProgressNs >= 0)
            {
                nextProgressNs = now + PROGRESS_NS;
                progress.onProgress("measured", 0, stats.measured(), now - startNs);
            }
            LockSupport.parkNanos(POLL_NS);
        }
        return false;
    }
}
