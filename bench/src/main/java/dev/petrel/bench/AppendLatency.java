package dev.petrel.bench;

import org.HdrHistogram.Histogram;

/**
 * How long single appends take, timed on every {@value #SAMPLE_EVERY}th append of a pass so that reading the clock
 * barely slows the pass it measures. Every append is equally likely to be timed, so the percentiles stand for all
 * of them, the slow ones (a segment roll, a force) included.
 */
final class AppendLatency
{
    /** One append in this many is timed; a power of two. */
    static final int SAMPLE_EVERY = 8;

    private final Histogram histogram = new Histogram(3);

    /**
     * @param appended appends made so far in the pass.
     * @return true when the next append is to be timed.
     */
    static boolean isSampled(final long appended)
    {
        return 0 == (appended & (SAMPLE_EVERY - 1));
    }

    /**
     * @param nanos how long one timed append took.
     */
    void record(final long nanos)
    {
        histogram.recordValue(Math.max(0, nanos));
    }

    /**
     * @return the percentiles of the timed appends.
     */
    LatencyStats stats()
    {
        return LatencyStats.of(histogram);
    }
}
