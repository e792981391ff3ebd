/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoordinatedOmissionTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void shouldKeepIntendedTimesOnScheduleWhileTheSenderIsBehind()
    {
        final ManualClock clock = new ManualClock();
        final SendPacer pacer = new SendPacer(clock, 1000);
        pacer.start();
        final ReceiverStats corrected = new ReceiverStats(clock);
        final ReceiverStats naive = new ReceiverStats(clock);

        for (int i = 0; i < 1000; i++)
        {
            if (i >= 100 && i < 200)
            {
                clock.nowNs = 200 * MS;
            }
            else if (clock.nowNs < i * MS)
            {
                clock.nowNs = i * MS;
            }
            final long sentNs = clock.nowNs;
            final long intendedNs = pacer.awaitNext(Long.MAX_VALUE);
            assertEquals(i * MS, intendedNs);
            corrected.record(clock.nowNs - intendedNs);
            naive.record(clock.nowNs - sentNs);
        }

        final LatencySummary summary = LatencySummary.of(corrected.histogram());
        assertEquals(100 * MS, summary.max(), 100 * MS * 0.001);
        assertTrue(summary.p99() > 85 * MS, "p99 " + summary.p99());
        assertTrue(summary.p90() < MS, "p90 " + summary.p90());
        assertEquals(0, LatencySummary.of(naive.histogram()).max());
    }

    @Test
    void shouldChargeTheStallToMessagesThatShouldHaveBeenSentDuringIt()
    {
        final ReceiverStats receiver = new ReceiverStats(SystemNanoClock.INSTANCE);
        final long stallNs = 200 * MS;
        final int[] sent = new int[1];
        final MessageSink stallingSink = (payload, length) ->
        {
            if (100 == sent[0]++)
            {
                final long untilNs = System.nanoTime() + stallNs;
                for (int i = 0; i < 100 && System.nanoTime() - untilNs < 0; i++)
                {
                    LockSupport.parkNanos(untilNs - System.nanoTime());
                }
            }
            receiver.onMessage(payload, 0, length);
        };
        final LoadSender sender = new LoadSender(stallingSink, new SendPacer(SystemNanoClock.INSTANCE, 2000),
            SystemNanoClock.INSTANCE, 0, StampDescriptor.PHASE_MEASURED, 64, 800,
            System.nanoTime() + TimeUnit.SECONDS.toNanos(10));

        sender.run();

        assertEquals(800, receiver.measured());
        final LatencySummary summary = LatencySummary.of(receiver.histogram());
        assertTrue(summary.max() >= 190 * MS, "max " + summary.max());
        assertTrue(receiver.histogram().getCountBetweenValues(100 * MS, 300 * MS) >= 150,
            "messages due during the stall should carry its cost");
        assertTrue(summary.p50() < 50 * MS, "p50 " + summary.p50());
    }

    private static final class ManualClock implements NanoClock
    {
        private long nowNs;

        @Override
        public long nanoTime()
        {
            return nowNs;
        }
    }
}
