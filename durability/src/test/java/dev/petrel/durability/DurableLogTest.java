/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class DurableLogTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadBackRecordsAcrossSeveralSegments()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertEquals(0, log.lastSequence());
            appendAll(log, 500);
            assertTrue(SegmentFiles.list(dir).size() > 5, "expected several segments");
            try (LogReader reader = log.reader(1))
            {
                assertEquals(range(1, 500), readAll(reader));
            }
        }
    }

    @Test
    void shouldShowEachAppendedRecordToItsHandlerAsAReaderSeesIt()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            final List<long[]> seen = new ArrayList<>();
            for (long sequence = 1; sequence <= 300; sequence++)
            {
                final byte[] bytes = payload(sequence);
                final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 3]);
                buffer.putBytes(3, bytes);
                assertEquals(sequence, log.append(buffer, 3, bytes.length, (b, offset, length, seq, timestampNs) ->
                {
                    assertPayload(seq, b, offset, length);
                    seen.add(new long[] { seq, timestampNs });
                }));
            }
            assertEquals(300, seen.size());
            try (LogReader reader = log.reader(1))
            {
                final int[] index = { 0 };
                while (reader.poll((b, offset, length, seq, timestampNs) ->
                {
                    assertArrayEquals(seen.get(index[0]++), new long[] { seq, timestampNs }, "record " + seq);
                }, 100) > 0)
                {
                    assertTrue(index[0] <= 300);
                }
                assertEquals(300, index[0]);
            }
        }
    }

    @Test
    void shouldReadFromArbitrarySequences()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 400);
            final Random random = new Random(42);
            for (int i = 0; i < 50; i++)
            {
                final long from = 1 + random.nextInt(401);
                try (LogReader reader = log.reader(from))
                {
                    assertEquals(range(from, 400), readAll(reader), "reading from " + from);
                }
            }
        }
    }

    @Test
    void shouldContinueSequenceAfterReopen()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 150);
        }
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertFalse(log.recoveryReport().truncated());
            assertEquals(150, log.recoveryReport().lastGoodSequence());
            assertEquals(150, log.lastSequence());
            appendAll(log, 150);
            try (LogReader reader = log.reader(100))
            {
                assertEquals(range(100, 300), readAll(reader));
            }
        }
    }

    @Test
    void shouldRebuildMissingIndexFilesOnReopen() throws Exception
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 300);
        }
        for (final Path segment : SegmentFiles.list(dir))
        {
            Files.deleteIfExists(SegmentFiles.indexFile(segment));
        }
        try (DurableLog log = DurableLog.open(context(dir)); LogReader reader = log.reader(123))
        {
            assertEquals(range(123, 300), readAll(reader));
        }
    }

    @Test
    void shouldLetReaderFollowTheAppender()
    {
        try (DurableLog log = DurableLog.open(context(dir)); LogReader reader = log.reader(1))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
            for (long sequence = 1; sequence <= 200; sequence++)
            {
                final byte[] payload = payload(sequence);
                buffer.putBytes(0, payload);
                assertEquals(sequence, log.append(buffer, 0, payload.length));
                final List<Long> read = readAll(reader);
                assertEquals(List.of(sequence), read);
            }
        }
    }

    @Test
    void shouldRejectPayloadLongerThanMaximum()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertThrows(IllegalArgumentException.class, () -> log.append(new byte[1025], 0, 1025));
            assertEquals(1, log.append(new byte[1024], 0, 1024));
        }
    }

    @Test
    void shouldRejectReaderOutsideTheLog()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 10);
            assertThrows(IllegalArgumentException.class, () -> log.reader(12));
            try (LogReader reader = log.reader(11))
            {
                assertEquals(0, reader.poll((buffer, offset, length, sequence, timestampNs) -> fail(), 10));
            }
        }
    }

    @Test
    void shouldStampRecordsWithTheContextClock()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000_000_000L);
        try (DurableLog log = DurableLog.open(context(dir).epochNanoClock(clock)); LogReader reader = log.reader(1))
        {
            log.append(new byte[1], 0, 1);
            clock.advance(5);
            log.append(new byte[1], 0, 1);
            final long[] stamps = new long[2];
            reader.poll((buffer, offset, length, sequence, timestampNs) -> stamps[(int)sequence - 1] = timestampNs, 2);
            assertArrayEquals(new long[]{1_000_000_000L, 1_000_000_005L}, stamps);
        }
    }

    @Test
    void shouldForceEveryIntervalLengthUnderIntervalPolicyOffTheAppendingThread()
    {
        final DurableLog.Context ctx = context(dir)
            .fsyncPolicy(FsyncPolicy.INTERVAL)
            .segmentLength(64 * 1024)
            .fsyncIntervalNs(0)
            .fsyncIntervalLength(1000)
            .epochNanoClock(new ManualEpochNanoClock(0));
        try (DurableLog log = DurableLog.open(ctx))
        {
            for (int i = 0; i < 100; i++)
            {
                log.append(new byte[76], 0, 76);
            }
            awaitDurable(log, 100);
            assertTrue(log.forceCount() >= 1 && log.forceCount() <= 10, "forces: " + log.forceCount());
        }
    }

    @Test
    void shouldForceAfterIntervalTimeUnderIntervalPolicy()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
        final DurableLog.Context ctx = context(dir)
            .fsyncPolicy(FsyncPolicy.INTERVAL)
            .fsyncInterval("3600s")
            .fsyncIntervalLength(0)
            .epochNanoClock(clock);
        try (DurableLog log = DurableLog.open(ctx))
        {
            log.append(new byte[8], 0, 8);
            assertEquals(0, log.forceCount());
            clock.advance(3_600_000_000_000L);
            log.append(new byte[8], 0, 8);
            awaitDurable(log, 2);
            assertEquals(1, log.forceCount());
        }
    }

    @Test
    void shouldForceTheLastRecordsOfAQuietLogWithinTheIntervalWithoutAnotherAppend()
    {
        final DurableLog.Context ctx = context(dir)
            .fsyncPolicy(FsyncPolicy.INTERVAL)
            .fsyncInterval("20ms")
            .fsyncIntervalLength(1 << 20);
        try (DurableLog log = DurableLog.open(ctx))
        {
            log.append(new byte[8], 0, 8);
            log.append(new byte[8], 0, 8);
            awaitDurable(log, 2);
        }
    }

    private static void awaitDurable(final DurableLog log, final long sequence)
    {
        final long deadlineNs = System.nanoTime() + 10_000_000_000L;
        while (log.durableSequence() < sequence)
        {
            assertTrue(System.nanoTime() - deadlineNs < 0, "durable sequence " + log.durableSequence() +
                " did not reach " + sequence + " within 10 s");
            Thread.onSpinWait();
        }
    }
}
