/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One line of a percentile chart: latency against "nines", {@code x = log10(1 / (1 - percentile))}, so 90% sits
 * at 1, 99% at 2 and 99.9% at 3. The 100th percentile (the maximum) sits at {@code maxX}.
 *
 * @param label    what the line is, e.g. the rate.
 * @param nines    x of each point.
 * @param micros   latency of each point, in microseconds.
 */
record PercentileCurve(String label, double[] nines, double[] micros)
{
    /** The most nines any chart shows (99.9999%). */
    static final int MAX_NINES = 6;

    private static final int TICKS_PER_HALF_DISTANCE = 5;

    /**
     * @param label     the line's label.
     * @param latencyNs latencies in nanoseconds.
     * @param maxX      where the maximum is drawn.
     * @return the line.
     */
    static PercentileCurve of(final String label, final Histogram latencyNs, final double maxX)
    {
        int points = 0;
        for (final HistogramIterationValue ignored : latencyNs.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            points++;
        }
        final double[] nines = new double[points];
        final double[] micros = new double[points];
        int i = 0;
        for (final HistogramIterationValue value : latencyNs.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double fraction = value.getPercentileLevelIteratedTo() / 100.0;
            nines[i] = fraction >= 1.0 ? maxX : Math.min(maxX, -Math.log10(1.0 - fraction));
            micros[i] = value.getValueIteratedTo() / 1000.0;
            i++;
        }
        return new PercentileCurve(label, nines, micros);
    }

    /**
     * @param samples values in the largest histogram charted.
     * @return how many nines the x-axis should show: enough to resolve that many samples, 2 to {@link #MAX_NINES}.
     */
    static int ninesFor(final long samples)
    {
        return (int)Math.max(2, Math.min(MAX_NINES, Math.ceil(Math.log10(Math.max(1, samples)))));
    }

    /**
     * @param nines a whole number of nines.
     * @return its percentile label: 0%, 90%, 99%, 99.9%...
     */
    static String percentLabel(final int nines)
    {
        if (0 == nines)
        {
            return "0%";
        }
        if (1 == nines)
        {
            return "90%";
        }
        return 2 == nines ? "99%" : "99." + "9".repeat(nines - 2) + "%";
    }
}
