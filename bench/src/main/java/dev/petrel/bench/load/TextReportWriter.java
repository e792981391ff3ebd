/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a report as a table for a person: the settings and environment, one row per rate with throughput and
 * latency percentiles in microseconds, then each sender's and receiver's throughput.
 */
public final class TextReportWriter
{
    private static final String ROW = "%-10s %12s %12s %8s %12s %9s %9s %9s %9s %9s %9s %9s%n";

    private TextReportWriter()
    {
    }

    /**
     * @param report what to write.
     * @param out    where.
     */
    public static void write(final LoadReport report, final PrintWriter out)
    {
        final LoadSettings settings = report.settings();
        out.println("petrel bench " + settings.pattern().label() + " over " + settings.transport().label());
        out.println("  settings:    " + ReportText.settings(settings));
        out.println("  mode:        " + report.mode());
        out.println("  environment: " + ReportText.environment(report.environment()));
        out.println("  latency:     " + ReportText.latency(report) + "; percentiles in microseconds");
        out.println();
        out.printf(Locale.ROOT, ROW, "rate", "sent", "received", "lost", "msg/s", "MB/s",
            "p50", "p90", "p99", "p99.9", "p99.99", "max");
        for (final LoadResult result : report.results())
        {
            row(result, out);
        }
        for (final LoadResult result : report.results())
        {
            sockets(result, out);
        }
        out.flush();
    }

    private static void row(final LoadResult result, final PrintWriter out)
    {
        final long[] latency = result.latency().values();
        final boolean recorded = result.latency().count() > 0;
        out.printf(Locale.ROOT, ROW, ReportText.rate(result.settings().ratePerSec()) +
            (result.capped() ? "*" : ""), ReportText.count(result.sent()), ReportText.count(result.received()),
            ReportText.count(result.lost()), ReportText.count(Math.round(result.aggregate().messagesPerSec())),
            String.format(Locale.ROOT, "%.1f", result.aggregate().megabytesPerSec()),
            micros(latency[0], recorded), micros(latency[1], recorded), micros(latency[2], recorded),
            micros(latency[3], recorded), micros(latency[4], recorded), micros(latency[5], recorded));
        if (result.capped())
        {
            out.println("  * the time cap ended this run before every message arrived");
        }
        if (result.failures() > 0)
        {
            out.println("  " + ReportText.count(result.failures()) + " requests failed (timed out or refused)");
        }
    }

    private static String micros(final long nanos, final boolean recorded)
    {
        return recorded ? ReportText.micros(nanos) : "-";
    }

    private static void sockets(final LoadResult result, final PrintWriter out)
    {
        final LoadPattern pattern = result.settings().pattern();
        out.println();
        out.println("at " + ReportText.rate(result.settings().ratePerSec()) + ":");
        list(pattern.senderName() + " sent", result.senders(), out);
        list(pattern.receiverName() + " received", result.receivers(), out);
    }

    private static void list(final String what, final List<Throughput> sockets, final PrintWriter out)
    {
        for (final Throughput socket : sockets)
        {
            out.printf(Locale.ROOT, "  %s #%d: %s messages, %s msg/s, %.1f MB/s%n", what, socket.index(),
                ReportText.count(socket.messages()), ReportText.count(Math.round(socket.messagesPerSec())),
                socket.megabytesPerSec());
        }
    }
}
