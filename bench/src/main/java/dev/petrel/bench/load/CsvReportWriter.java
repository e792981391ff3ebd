/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.Locale;

/**
 * Writes a report as CSV: a header, then one row per rate. Latencies are in microseconds.
 */
public final class CsvReportWriter
{
    /** The header row. */
    public static final String HEADER = "pattern,transport,idle_strategy,message_bytes,senders,receivers," +
        "rate_per_sec,co_corrected,sent,received,lost,msg_per_sec,mb_per_sec," +
        "p50_us,p90_us,p99_us,p99_9_us,p99_99_us,max_us";

    private CsvReportWriter()
    {
    }

    /**
     * @param report what to write.
     * @return the CSV text, lines ending in {@code \n}.
     */
    public static String toCsv(final LoadReport report)
    {
        final StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (final LoadResult result : report.results())
        {
            final LoadSettings settings = result.settings();
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%b,%d,%d,%d,%.1f,%.3f",
                settings.pattern().label(), settings.transport().label(), settings.idleStrategy(),
                settings.messageLength(), settings.senders(), result.receivers().size(), settings.ratePerSec(),
                settings.paced(), result.sent(), result.received(), result.lost(),
                result.aggregate().messagesPerSec(), result.aggregate().megabytesPerSec()));
            for (final long nanos : result.latency().values())
            {
                csv.append(',').append(ReportText.micros(nanos));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
