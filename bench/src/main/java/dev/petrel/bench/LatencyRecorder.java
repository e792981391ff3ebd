package dev.petrel.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Runs warm-up passes and then a measured pass of round trips, each bounded by a count and a time cap, and records
 * every measured round trip in an HdrHistogram (1 ns to 10 s, three significant digits).
 */
public final class LatencyRecorder
{
    private static final long HIGHEST_NS = TimeUnit.SECONDS.toNanos(10);
    private static final int SIGNIFICANT_DIGITS = 3;

    private LatencyRecorder()
    {
    }

    /**
     * Runs round trips that are not recorded.
     *
     * @param trial  the connected pair.
     * @param warmUp the warm-up pass's bounds.
     */
    public static void warmUp(final RoundTripTrial trial, final PassPlan warmUp)
    {
        run(trial, warmUp, null);
    }

    /**
     * @param trial   the connected pair, warmed up.
     * @param measure the measured pass's bounds.
     * @return the measured pass's percentiles and whether a bound other than the count ended it.
     * @throws IllegalStateException when no round trip completed in the measured pass.
     */
    public static LatencyResult record(final RoundTripTrial trial, final PassPlan measure)
    {
        final Histogram histogram = new Histogram(HIGHEST_NS, SIGNIFICANT_DIGITS);
        final boolean complete = run(trial, measure, histogram);
        if (0 == histogram.getTotalCount())
        {
            throw new IllegalStateException("no round trip completed within the time cap");
        }
        return new LatencyResult(LatencyStats.of(histogram), !complete);
    }

    private static boolean run(final RoundTripTrial trial, final PassPlan plan, final Histogram histogram)
    {
        final long deadlineNs = System.nanoTime() + plan.timeCapNs();
        for (long i = 0; i < plan.messages(); i++)
        {
            final long startNs = System.nanoTime();
            if (startNs - deadlineNs > 0 || !trial.roundTrip(deadlineNs))
            {
                return false;
            }
            if (null != histogram)
            {
                histogram.recordValue(Math.min(HIGHEST_NS, System.nanoTime() - startNs));
            }
        }
        return true;
    }
}
