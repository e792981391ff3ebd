/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;

import dev.petrel.SocketStats;

/**
 * Warns on stderr when a socket dropped messages, so a lossy run does not look like a clean one.
 */
final class DropReport
{
    private DropReport()
    {
    }

    /**
     * @param err   where to warn.
     * @param stats the socket's counters.
     */
    static void print(final PrintWriter err, final SocketStats stats)
    {
        if (stats.dropped() > 0)
        {
            err.println("petrel: warning: " + stats.dropped() + " message(s) dropped: " + stats.dropsByPeer());
            err.flush();
        }
    }
}
