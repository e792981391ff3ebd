/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import org.HdrHistogram.Histogram;

/**
 * What one demo run measured.
 *
 * @param pattern   the pattern's label.
 * @param transport the transport's label.
 * @param messages  how many messages arrived.
 * @param elapsedNs from the first send to the last arrival.
 * @param latencyNs the latency of each message.
 */
record DemoResult(String pattern, String transport, long messages, long elapsedNs, Histogram latencyNs)
{
    /**
     * @return messages per second.
     */
    long messagesPerSecond()
    {
        return messages * 1_000_000_000L / Math.max(1, elapsedNs);
    }

    /**
     * @param percentile e.g. 99.0.
     * @return the latency at that percentile, in microseconds.
     */
    double latencyMicros(final double percentile)
    {
        return latencyNs.getValueAtPercentile(percentile) / 1_000.0;
    }
}
