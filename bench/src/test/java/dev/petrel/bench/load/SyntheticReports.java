/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Reports built from known latencies, for the writer tests.
 */
final class SyntheticReports
{
    private SyntheticReports()
    {
    }

    /**
     * @param rates one result per rate; each has 10,000 latencies of 1..10,000 µs, scaled by its position.
     * @return the report.
     */
    static LoadReport pushPull(final long... rates)
    {
        final LoadSettings settings = LoadSettings.builder(LoadPattern.PUSHPULL, LoadTransport.TCP)
            .count(10_000)
            .ratePerSec(rates[0])
            .build();
        final List<LoadResult> results = new ArrayList<>();
        for (int r = 0; r < rates.length; r++)
        {
            final Histogram histogram = new Histogram(ReceiverStats.HIGHEST_TRACKABLE_NS, 3);
            for (long micros = 1; micros <= 10_000; micros++)
            {
                histogram.recordValue(micros * 1000 * (r + 1));
            }
            final Throughput aggregate = new Throughput(-1, 10_000, 640_000, 1_000_000_000L);
            final List<Throughput> senders = List.of(new Throughput(0, 10_000, 640_000, 900_000_000L));
            final List<Throughput> receivers = List.of(new Throughput(0, 10_000, 640_000, 1_000_000_000L));
            results.add(new LoadResult(settings.withRate(rates[r]), 10_000, 0, false, aggregate, senders, receivers,
                histogram));
        }
        final RunEnvironment environment = new RunEnvironment("Test \"VM\" 17", "G1", 2, "Linux", 1.5);
        return new LoadReport(settings, LoadReport.IN_PROCESS, environment, results);
    }
}
