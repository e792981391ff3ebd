package dev.petrel.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measured passes of one row of a paired run, summarised by their median rate: one pass in a fresh JVM swings
 * with the JIT and with whatever else the machine runs, the median of several interleaved passes far less.
 * <p>
 * Not thread-safe: filled by the thread running the passes, read after it finishes.
 */
final class RateSamples
{
    private final List<Measurement> passes = new ArrayList<>();

    void add(final Measurement measurement)
    {
        passes.add(measurement);
    }

    /**
     * @return the passes measured.
     */
    int count()
    {
        return passes.size();
    }

    /**
     * @return the median of the passes' rates (the mean of the middle two for an even count); 0 without passes.
     */
    double median()
    {
        final double[] rates = sortedRates();
        if (0 == rates.length)
        {
            return 0;
        }
        final int middle = rates.length / 2;
        return 0 == rates.length % 2 ? (rates[middle - 1] + rates[middle]) / 2 : rates[middle];
    }

    /**
     * @return the lowest pass rate; 0 without passes.
     */
    double min()
    {
        final double[] rates = sortedRates();
        return 0 == rates.length ? 0 : rates[0];
    }

    /**
     * @return the highest pass rate; 0 without passes.
     */
    double max()
    {
        final double[] rates = sortedRates();
        return 0 == rates.length ? 0 : rates[rates.length - 1];
    }

    /**
     * @return messages sent but never received, over every pass.
     */
    long lost()
    {
        long lost = 0;
        for (final Measurement pass : passes)
        {
            lost += pass.lost();
        }
        return lost;
    }

    /**
     * @return true when the time cap ended any pass early.
     */
    boolean capped()
    {
        for (final Measurement pass : passes)
        {
            if (pass.capped())
            {
                return true;
            }
        }
        return false;
    }

    private double[] sortedRates()
    {
        final double[] rates = new double[passes.size()];
        for (int i = 0; i < rates.length; i++)
        {
            rates[i] = passes.get(i).messagesPerSecond();
        }
        Arrays.sort(rates);
        return rates;
    }
}
