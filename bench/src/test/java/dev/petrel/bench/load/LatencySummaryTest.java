/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencySummaryTest
{
    @Test
    void shouldReadPercentilesOfAKnownUniformDistribution()
    {
        final ReceiverStats stats = new ReceiverStats(SystemNanoClock.INSTANCE);
        for (long micros = 1; micros <= 10_000; micros++)
        {
            stats.record(micros * 1000);
        }

        final LatencySummary summary = LatencySummary.of(stats.histogram());

        assertEquals(10_000, summary.count());
        assertEquals(5_000_000, summary.p50(), 5_000_000 * 0.001);
        assertEquals(9_000_000, summary.p90(), 9_000_000 * 0.001);
        assertEquals(9_900_000, summary.p99(), 9_900_000 * 0.001);
        assertEquals(9_990_000, summary.p999(), 9_990_000 * 0.001);
        assertEquals(10_000_000, summary.max(), 10_000_000 * 0.001);
        assertEquals(5_000_500, summary.mean(), 5_000_500 * 0.001);
    }

    @Test
    void shouldPutARareOutlierOnlyInTheTopPercentiles()
    {
        final ReceiverStats stats = new ReceiverStats(SystemNanoClock.INSTANCE);
        for (int i = 0; i < 999; i++)
        {
            stats.record(20_000);
        }
        stats.record(50_000_000);

        final LatencySummary summary = LatencySummary.of(stats.histogram());

        assertEquals(20_000, summary.p50(), 20);
        assertEquals(20_000, summary.p99(), 20);
        assertEquals(50_000_000, summary.p9999(), 50_000);
        assertEquals(50_000_000, summary.max(), 50_000);
    }

    @Test
    void shouldClampNegativeAndHugeLatencies()
    {
        final ReceiverStats stats = new ReceiverStats(SystemNanoClock.INSTANCE);
        stats.record(-5);
        stats.record(Long.MAX_VALUE);

        assertEquals(0, stats.histogram().getMinValue());
        assertEquals(ReceiverStats.HIGHEST_TRACKABLE_NS, stats.histogram().getMaxValue(),
            ReceiverStats.HIGHEST_TRACKABLE_NS * 0.001);
    }

    @Test
    void shouldReportZerosForAnEmptyHistogram()
    {
        final LatencySummary summary = LatencySummary.of(new ReceiverStats(SystemNanoClock.INSTANCE).histogram());

        assertEquals(0, summary.count());
        assertEquals(0, summary.max());
    }
}
