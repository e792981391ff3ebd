/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.Locale;

import dev.petrel.Node;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Runs one demo pattern over one transport: sends the messages as fast as the pattern accepts them, each stamped
 * with {@link System#nanoTime()}, and waits (bounded) for all to arrive. Runs on the calling thread.
 */
final class DemoRunner
{
    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(30);

    private final int messages;
    private final int length;

    /**
     * @param messages how many messages each run sends.
     * @param length   payload length in bytes, at least 8.
     */
    DemoRunner(final int messages, final int length)
    {
        this.messages = messages;
        this.length = length;
    }

    /**
     * @param pattern   what to run.
     * @param transport over which transport.
     * @return what it measured.
     * @throws CommandFailedException when messages are missing at the timeout.
     */
    DemoResult run(final DemoPattern pattern, final DemoTransport transport)
    {
        final LatencyRecorder recorder = new LatencyRecorder(messages);
        final Node receiving = Node.create();
        final Node sending = transport.singleNode() ? receiving : Node.create();
        try
        {
            final String name = pattern.label().replace('/', '-');
            final DemoSender sender = pattern.open(receiving, sending, transport.bindEndpoint(name), recorder);
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[length]);
            final long startNs = System.nanoTime();
            for (int i = 0; i < messages; i++)
            {
                payload.putLong(0, System.nanoTime());
                sender.send(payload, length);
            }
            if (!recorder.await(COMPLETION_TIMEOUT))
            {
                throw new CommandFailedException(String.format(Locale.ROOT, "demo %s over %s: %d of %d messages " +
                    "arrived within %s", pattern.label(), transport.label(), recorder.received(), messages,
                    DurationConverter.format(COMPLETION_TIMEOUT)));
            }
            return new DemoResult(pattern.label(), transport.label(), messages, recorder.lastNs() - startNs,
                recorder.histogram());
        }
        finally
        {
            sending.close();
            receiving.close();
        }
    }
}
