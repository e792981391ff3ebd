/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints demo results as an aligned table, one row per run.
 */
final class DemoTable
{
    private static final String ROW = "%-10s %-9s %10s %12s %10s %10s%n";

    private final PrintWriter out;

    /**
     * @param out where to print.
     */
    DemoTable(final PrintWriter out)
    {
        this.out = out;
    }

    /**
     * Prints the column headings.
     */
    void header()
    {
        out.printf(Locale.ROOT, ROW, "pattern", "transport", "messages", "msg/s", "p50 µs", "p99 µs");
        out.flush();
    }

    /**
     * Prints a row for a run that could not be made.
     *
     * @param pattern   the pattern's label.
     * @param transport the transport's label.
     * @param reason    one line saying why.
     */
    void unavailable(final String pattern, final String transport, final String reason)
    {
        out.printf(Locale.ROOT, "%-10s %-9s unavailable: %s%n", pattern, transport, reason);
        out.flush();
    }

    /**
     * @param result one run.
     */
    void row(final DemoResult result)
    {
        out.printf(Locale.ROOT, ROW, result.pattern(), result.transport(),
            String.format(Locale.ROOT, "%,d", result.messages()),
            String.format(Locale.ROOT, "%,d", result.messagesPerSecond()),
            String.format(Locale.ROOT, "%.1f", result.latencyMicros(50.0)),
            String.format(Locale.ROOT, "%.1f", result.latencyMicros(99.0)));
        out.flush();
    }
}
