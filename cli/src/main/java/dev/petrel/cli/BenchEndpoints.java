/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.petrel.bench.load.LoadTransport;

/**
 * Reads what {@code petrel bench --role} needs from an endpoint: its transport, and whether it is on this host
 * (so the two sides share {@link System#nanoTime()} and one-way latency means something).
 */
final class BenchEndpoints
{
    private static final Pattern HOST =
        Pattern.compile("(?:tcp://|aeron:udp\\?endpoint=)(?:\\[([^\\]]+)\\]|([^:/\\[]+)):\\d+.*");

    private BenchEndpoints()
    {
    }

    /**
     * @param endpoint a {@code tcp://} or {@code aeron:} endpoint.
     * @return its transport.
     * @throws IllegalArgumentException for inproc (which cannot join two processes) or an unknown scheme.
     */
    static LoadTransport transportOf(final String endpoint)
    {
        final String text = endpoint.toLowerCase(Locale.ROOT);
        if (text.startsWith("tcp://"))
        {
            return LoadTransport.TCP;
        }
        if (text.startsWith("aeron:udp"))
        {
            return LoadTransport.AERON_UDP;
        }
        if (text.startsWith("aeron:ipc"))
        {
            return LoadTransport.AERON_IPC;
        }
        throw new IllegalArgumentException("--endpoint must be tcp://HOST:PORT or aeron:..., not '" + endpoint +
            "' (inproc only reaches this process)");
    }

    /**
     * @param endpoint an endpoint.
     * @return whether it names this host unambiguously: loopback, localhost or Aeron IPC.
     */
    static boolean isLocal(final String endpoint)
    {
        if (endpoint.startsWith("aeron:ipc"))
        {
            return true;
        }
        final Matcher matcher = HOST.matcher(endpoint);
        if (!matcher.matches())
        {
            return false;
        }
        final String host = (null != matcher.group(1) ? matcher.group(1) : matcher.group(2)).toLowerCase(Locale.ROOT);
        return host.startsWith("127.") || "localhost".equals(host) || "::1".equals(host);
    }
}
