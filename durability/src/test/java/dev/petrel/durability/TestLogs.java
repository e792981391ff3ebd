/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Shared helpers for the durability tests: deterministic payloads per sequence and read-back checks.
 */
final class TestLogs
{
    private TestLogs()
    {
    }

    static DurableLog.Context context(final Path dir)
    {
        return new DurableLog.Context()
            .logDir(dir)
            .segmentLength(8 * 1024)
            .maxPayloadLength(1024)
            .indexIntervalLength(512)
            .fsyncPolicy(FsyncPolicy.NEVER)
            .errorHandler(Throwable::printStackTrace);
    }

    static byte[] payload(final long sequence)
    {
        final int length = (int)((sequence * 37) % 300);
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(sequence * 31 + i);
        }
        return bytes;
    }

    static long appendAll(final DurableLog log, final long count)
    {
        long last = 0;
        for (long i = 0; i < count; i++)
        {
            final long expected = log.lastSequence() + 1;
            final byte[] payload = payload(expected);
            last = log.append(payload, 0, payload.length);
            assertEquals(expected, last);
        }
        return last;
    }

    static List<Long> readAll(final LogReader reader)
    {
        final List<Long> sequences = new ArrayList<>();
        while (reader.poll((buffer, offset, length, sequence, timestampNs) ->
        {
            assertPayload(sequence, buffer, offset, length);
            sequences.add(sequence);
        }, 100) > 0)
        {
            assertEquals(sequences.get(sequences.size() - 1) + 1, reader.nextSequence());
        }
        return sequences;
    }

    static void assertPayload(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] actual = new byte[length];
        buffer.getBytes(offset, actual);
        assertArrayEquals(payload(sequence), actual, "payload of sequence " + sequence);
    }

    static List<Long> range(final long from, final long to)
    {
        final List<Long> sequences = new ArrayList<>();
        for (long i = from; i <= to; i++)
        {
            sequences.add(i);
        }
        return sequences;
    }
}
