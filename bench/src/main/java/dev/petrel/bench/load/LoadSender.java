/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One sender's loop for one phase: stamps each payload with its intended send time and sends it, until its share
 * of the count is sent or the phase's deadline passes. Runs on its own thread; reuses one payload buffer, so the
 * loop allocates nothing beyond what the socket does.
 */
final class LoadSender implements Runnable
{
    private final MessageSink sink;
    private final SendPacer pacer;
    private final NanoClock clock;
    private final SenderStats stats = new SenderStats();
    private final UnsafeBuffer payload;
    private final int length;
    private final long budget;
    private final long deadlineNs;

    /**
     * @param sink       where messages go.
     * @param pacer      when they are meant to go.
     * @param clock      the stamping clock.
     * @param index      this sender's index, stamped into each payload.
     * @param phase      the phase stamped into each payload.
     * @param length     payload length.
     * @param budget     messages to send at most.
     * @param deadlineNs when to stop sending, on the clock.
     */
    LoadSender(
        final MessageSink sink, final SendPacer pacer, final NanoClock clock, final int index, final byte phase,
        final int length, final long budget, final long deadlineNs)
    {
        this.sink = sink;
        this.pacer = pacer;
        this.clock = clock;
        this.length = length;
        this.budget = budget;
        this.deadlineNs = deadlineNs;
        this.payload = new UnsafeBuffer(new byte[length]);
        payload.putByte(StampDescriptor.PHASE_OFFSET, phase);
        payload.putInt(StampDescriptor.SENDER_OFFSET, index);
    }

    @Override
    public void run()
    {
        pacer.start();
        stats.onStart(clock.nanoTime());
        try
        {
            for (long i = 0; i < budget; i++)
            {
                final long intendedNs = pacer.awaitNext(deadlineNs);
                if (clock.nanoTime() - deadlineNs >= 0)
                {
                    break;
                }
                payload.putLong(StampDescriptor.SEND_TIME_OFFSET, intendedNs);
                sink.send(payload, length);
                stats.onSent();
            }
        }
        catch (final RuntimeException | Error ex)
        {
            // Recorded so the run fails with the cause instead of reporting a short count.
            stats.onFailure(ex);
        }
        finally
        {
            stats.onEnd(clock.nanoTime());
        }
    }

    /**
     * @return what it did so far.
     */
    SenderStats stats()
    {
        return stats;
    }
}
