/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The percentiles a report shows, in nanoseconds, read from a histogram of latencies in nanoseconds.
 *
 * @param count  values recorded.
 * @param mean   their mean.
 * @param p50    the median.
 * @param p90    90th percentile.
 * @param p99    99th percentile.
 * @param p999   99.9th percentile.
 * @param p9999  99.99th percentile.
 * @param max    the largest.
 */
public record LatencySummary(long count, double mean, long p50, long p90, long p99, long p999, long p9999, long max)
{
    /** The percentiles, in the order reports list them. */
    public static final double[] PERCENTILES = { 50, 90, 99, 99.9, 99.99 };

    /** The report labels of {@link #PERCENTILES}, followed by the maximum's. */
    public static final String[] LABELS = { "p50", "p90", "p99", "p99.9", "p99.99", "max" };

    /**
     * @param histogram latencies in nanoseconds.
     * @return its summary (all zero when empty).
     */
    public static LatencySummary of(final Histogram histogram)
    {
        if (0 == histogram.getTotalCount())
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getMean(),
            histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
            histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
            histogram.getValueAtPercentile(99.99), histogram.getMaxValue());
    }

    /**
     * @return the values of {@link #LABELS}, in order, in nanoseconds.
     */
    public long[] values()
    {
        return new long[] { p50, p90, p99, p999, p9999, max };
    }
}
