package dev.petrel.bench;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * Round-trip percentiles read from a histogram of nanoseconds, as printed in a latency table.
 *
 * @param count  round trips recorded.
 * @param p50Ns  median.
 * @param p90Ns  90th percentile.
 * @param p99Ns  99th percentile.
 * @param p999Ns 99.9th percentile.
 * @param maxNs  the slowest round trip.
 */
public record LatencyStats(long count, long p50Ns, long p90Ns, long p99Ns, long p999Ns, long maxNs)
{
    private static final double NANOS_PER_MICRO = 1_000.0;

    /**
     * @param histogram round trips in nanoseconds.
     * @return its percentiles; all zero when it is empty.
     */
    public static LatencyStats of(final Histogram histogram)
    {
        if (0 == histogram.getTotalCount())
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(
            histogram.getTotalCount(),
            histogram.getValueAtPercentile(50.0),
            histogram.getValueAtPercentile(90.0),
            histogram.getValueAtPercentile(99.0),
            histogram.getValueAtPercentile(99.9),
            histogram.getMaxValue());
    }

    /**
     * @param nanos a duration in nanoseconds.
     * @return it in microseconds with one decimal.
     */
    public static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%,.1f", nanos / NANOS_PER_MICRO);
    }
}
