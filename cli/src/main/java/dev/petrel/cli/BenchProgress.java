/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.petrel.bench.load.LoadProgress;

/**
 * Shows a bench run's progress on one stderr line when a person is watching a terminal; silent when output is
 * piped or redirected. Called on the running thread only.
 */
final class BenchProgress implements LoadProgress
{
    private final PrintWriter err;
    private final boolean enabled;
    private boolean shown;

    /**
     * @param err where to show it.
     */
    BenchProgress(final PrintWriter err)
    {
        this.err = err;
        this.enabled = null != System.console();
    }

    @Override
    public void onProgress(final String phase, final long sent, final long received, final long elapsedNs)
    {
        if (enabled)
        {
            shown = true;
            final double seconds = elapsedNs / 1e9;
            err.printf(Locale.ROOT, "\r%s %.0fs: sent %,d, received %,d (%,.0f msg/s)   ", phase, seconds, sent,
                received, received / Math.max(seconds, 1e-3));
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
