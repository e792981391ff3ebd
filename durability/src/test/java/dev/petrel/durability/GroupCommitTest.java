/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class GroupCommitTest
{
    private static final int THREADS = 6;
    private static final int APPENDS_PER_THREAD = 150;

    @TempDir
    Path dir;

    @Test
    void shouldShareForcesBetweenConcurrentAppendersUnderAlways() throws Exception
    {
        final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        final CyclicBarrier start = new CyclicBarrier(THREADS);
        try (DurableLog log = DurableLog.open(context(dir).segmentLength(1024 * 1024).fsyncPolicy(FsyncPolicy.ALWAYS)))
        {
            final List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                futures.add(executor.submit(() -> appendAndCheckDurable(log, start)));
            }
            final List<Long> sequences = new ArrayList<>();
            for (final Future<List<Long>> future : futures)
            {
                sequences.addAll(future.get(30, TimeUnit.SECONDS));
            }
            Collections.sort(sequences);
            final int total = THREADS * APPENDS_PER_THREAD;
            assertEquals(range(1, total), sequences);
            assertTrue(log.forceCount() < total, "forces " + log.forceCount() + " for " + total + " appends");
            assertEquals(total, log.durableSequence());
            try (LogReader reader = log.reader(1))
            {
                final int[] count = {0};
                while (reader.poll((buffer, offset, length, sequence, timestampNs) -> count[0]++, 1000) > 0)
                {
                    assertTrue(count[0] <= total);
                }
                assertEquals(total, count[0]);
            }
        }
        finally
        {
            executor.shutdownNow();
        }
    }

    private static List<Long> appendAndCheckDurable(final DurableLog log, final CyclicBarrier start) throws Exception
    {
        final List<Long> sequences = new ArrayList<>();
        final byte[] payload = new byte[64];
        start.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < APPENDS_PER_THREAD; i++)
        {
            final long sequence = log.append(payload, 0, payload.length);
            assertTrue(log.durableSequence() >= sequence, "returned before durable: " + sequence);
            sequences.add(sequence);
        }
        return sequences;
    }
}
