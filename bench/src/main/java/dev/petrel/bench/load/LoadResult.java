/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * What one measured phase produced.
 *
 * @param settings  the workload, including the rate it ran at.
 * @param sent      messages sent (requests, for request/reply).
 * @param failures  requests that failed; 0 for one-way patterns.
 * @param capped    whether the hard time cap ended the phase before every message arrived.
 * @param aggregate all receivers together, from the first send to the last arrival.
 * @param senders   each sender, from its first send to its last.
 * @param receivers each receiver (each requester, for request/reply), from the first send to its last arrival.
 * @param latencyNs every receiver's latencies merged, in nanoseconds.
 */
public record LoadResult(
    LoadSettings settings,
    long sent,
    long failures,
    boolean capped,
    Throughput aggregate,
    List<Throughput> senders,
    List<Throughput> receivers,
    Histogram latencyNs)
{
    /**
     * @return messages (copies, for pub/sub) that should have arrived; 0 when the receivers are in another process.
     */
    public long expected()
    {
        return receivers.isEmpty() ? 0 : sent * settings.copiesPerMessage();
    }

    /**
     * @return messages (copies, for pub/sub) that were received.
     */
    public long received()
    {
        return aggregate.messages();
    }

    /**
     * @return messages that should have arrived but did not.
     */
    public long lost()
    {
        return Math.max(0, expected() - received());
    }

    /**
     * @return the latency percentiles.
     */
    public LatencySummary latency()
    {
        return LatencySummary.of(latencyNs);
    }
}
