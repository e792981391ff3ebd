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
 * Runs one demo pattern over one transport: a warm-up pass, not measured, then the measured pass. Each pass sends
 * messages as fast as the pattern accepts them, each stamped with {@link System#nanoTime()}, until its count is
 * reached or its time budget is spent, and waits (bounded) for all it sent to arrive. Runs on the calling thread.
 */
final class DemoRunner
{
    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(10);
    private static final long WARM_UP_BUDGET_NS = Duration.ofMillis(200).toNanos();
    private static final long MEASURE_BUDGET_NS = Duration.ofMillis(700).toNanos();
    private static final int WARM_UP_DIVISOR = 5;
    private static final int CLOCK_CHECK_MASK = 63;

    private final int messages;
    private final int length;

    /**
     * @param messages most messages the measured pass sends.
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
        final LatencyRecorder recorder = new LatencyRecorder();
        final Node receiving = Node.create();
        final Node sending = transport.singleNode() ? receiving : Node.create();
        try
        {
            final String name = pattern.label().replace('/', '-');
            final DemoSender sender = pattern.open(receiving, sending, transport.bindEndpoint(name), recorder);
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[length]);
            pass(pattern, transport, sender, payload, recorder, Math.max(1, messages / WARM_UP_DIVISOR),
                WARM_UP_BUDGET_NS);
            final long startNs = System.nanoTime();
            final long sent = pass(pattern, transport, sender, payload, recorder, messages, MEASURE_BUDGET_NS);
            return new DemoResult(pattern.label(), transport.label(), sent, recorder.lastNs() - startNs,
                recorder.histogram());
        }
        finally
        {
            if (sending != receiving)
            {
                sending.close();
            }
            receiving.close();
        }
    }

    private long pass(
        final DemoPattern pattern,
        final DemoTransport transport,
        final DemoSender sender,
        final UnsafeBuffer payload,
        final LatencyRecorder recorder,
        final int limit,
        final long budgetNs)
    {
        recorder.begin();
        final long deadline = System.nanoTime() + budgetNs;
        int sent = 0;
        while (sent < limit && ((sent & CLOCK_CHECK_MASK) != 0 || System.nanoTime() - deadline < 0))
        {
            payload.putLong(0, System.nanoTime());
            sender.send(payload, length);
            sent++;
        }
        if (!recorder.await(sent, COMPLETION_TIMEOUT))
        {
            throw new CommandFailedException(String.format(Locale.ROOT, "demo %s over %s: %d of %d messages " +
                "arrived within %s", pattern.label(), transport.label(), recorder.received(), sent,
                DurationConverter.format(COMPLETION_TIMEOUT)));
        }
        return sent;
    }
}
