/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;

/**
 * Shows a one-line running count on stderr, at most once a second, when a person is watching a terminal; silent
 * when output is piped or redirected. Not thread safe.
 */
final class Progress
{
    private static final long INTERVAL_NS = 1_000_000_000L;

    private final PrintWriter err;
    private final String verb;
    private final boolean enabled;
    private final long startNs = System.nanoTime();
    private long lastNs = startNs;
    private boolean shown;

    /**
     * @param err  where to show it.
     * @param verb what is being counted, e.g. "sent".
     */
    Progress(final PrintWriter err, final String verb)
    {
        this.err = err;
        this.verb = verb;
        this.enabled = null != System.console();
    }

    /**
     * @param count how many so far.
     */
    void update(final long count)
    {
        if (!enabled)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastNs >= INTERVAL_NS)
        {
            lastNs = now;
            shown = true;
            final long rate = count * 1_000_000_000L / Math.max(1, now - startNs);
            err.print("\r" + verb + " " + count + " messages (" + rate + " msg/s)   ");
            err.flush();
        }
    }

    /**
     * Ends the progress line, if one was shown.
     */
    void finish()
    {
        if (shown)
        {
            err.println();
            err.flush();
        }
    }
}
