/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.petrel.durability.TestLogs.appendAll;
import static dev.petrel.durability.TestLogs.assertPayload;
import static dev.petrel.durability.TestLogs.context;
import static dev.petrel.durability.TestLogs.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The active segment is mapped one window at a time: records that straddle a window's end, a record longer than a
 * window, a reopen in the middle of a window and a crash image taken while the log is open all read back whole.
 */
class MappingWindowTest
{
    private static final long SEGMENT_LENGTH = 16L * 1024 * 1024;
    private static final int LARGE_LENGTH = SegmentWriter.WINDOW_LENGTH + SegmentWriter.WINDOW_LENGTH / 2;
    private static final int SMALL_RECORDS = 20_000;

    @TempDir
    Path dir;

    @Test
    void shouldReadBackRecordsAcrossMappingWindowsIncludingOneLongerThanAWindow() throws IOException
    {
        final Path live = dir.resolve("live");
        final Path crashed = Files.createDirectories(dir.resolve("crashed"));
        final byte[] large = largePayload();
        final long largeSequence;
        final long beforeCrash;
        try (DurableLog log = DurableLog.open(windowed(live)))
        {
            appendAll(log, SMALL_RECORDS);
            largeSequence = log.append(large, 0, large.length);
            beforeCrash = appendAll(log, SMALL_RECORDS);
            assertEquals(1, SegmentFiles.list(live).size(), "one segment");
            Files.copy(SegmentFiles.segmentFile(live, 1), SegmentFiles.segmentFile(crashed, 1));
        }
        assertTrue(SegmentFiles.size(SegmentFiles.segmentFile(live, 1)) > 4L * SegmentWriter.WINDOW_LENGTH,
            "the records span several windows");

        final long last;
        try (DurableLog log = DurableLog.open(windowed(live)))
        {
            last = appendAll(log, SMALL_RECORDS);
            try (LogReader reader = log.reader(1))
            {
                assertEquals(range(1, last), readAll(reader, largeSequence, large));
            }
        }
        try (DurableLog log = DurableLog.open(windowed(crashed)); LogReader reader = log.reader(1))
        {
            assertEquals(beforeCrash, log.recoveryReport().lastGoodSequence());
            assertEquals(range(1, beforeCrash), readAll(reader, largeSequence, large));
        }
        try (LogInspector inspector = LogInspector.open(live))
        {
            assertTrue(inspector.verify().ok(), () -> inspector.verify().toString());
        }
    }

    private static DurableLog.Context windowed(final Path logDir)
    {
        return context(logDir)
            .segmentLength(SEGMENT_LENGTH)
            .maxPayloadLength(2 * LARGE_LENGTH)
            .indexIntervalLength(64 * 1024);
    }

    private static byte[] largePayload()
    {
        final byte[] bytes = new byte[LARGE_LENGTH];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)(i * 7 + i / 4096);
        }
        return bytes;
    }

    private static List<Long> readAll(final LogReader reader, final long largeSequence, final byte[] large)
    {
        final List<Long> sequences = new ArrayList<>();
        while (reader.poll((buffer, offset, length, sequence, timestampNs) ->
        {
            if (sequence == largeSequence)
            {
                final byte[] actual = new byte[length];
                buffer.getBytes(offset, actual);
                assertArrayEquals(large, actual, "the record longer than a window");
            }
            else
            {
                assertPayload(sequence, buffer, offset, length);
            }
            sequences.add(sequence);
        }, 1000) > 0)
        {
            assertEquals(sequences.get(sequences.size() - 1) + 1, reader.nextSequence());
        }
        return sequences;
    }
}
