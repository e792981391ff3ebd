/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class RecoveryTest
{
    private static final int RECORDS = 200;
    private static final long SEED = 20261125L;

    @TempDir
    Path tempDir;

    private byte[] segmentBytes;
    private long[] recordEnds;

    @BeforeEach
    void createLog() throws IOException
    {
        final Path original = tempDir.resolve("original");
        try (DurableLog log = DurableLog.open(context(original).segmentLength(1024 * 1024)))
        {
            appendAll(log, RECORDS);
        }
        final List<Path> segments = SegmentFiles.list(original);
        assertEquals(1, segments.size());
        segmentBytes = Files.readAllBytes(segments.get(0));
        recordEnds = new long[RECORDS + 1];
        for (int sequence = 1; sequence <= RECORDS; sequence++)
        {
            recordEnds[sequence] = recordEnds[sequence - 1] + RecordDescriptor.HEADER_LENGTH + payload(sequence).length;
        }
        assertEquals(segmentBytes.length, recordEnds[RECORDS]);
    }

    @Test
    void shouldRecoverFromTruncationAtRandomOffsets() throws IOException
    {
        final Random random = new Random(SEED);
        for (int trial = 0; trial < 40; trial++)
        {
            final int cut = random.nextInt(segmentBytes.length);
            final Path dir = writeCopy("truncated-" + trial, cut, -1);
            final int lastGood = lastCompleteRecordBefore(cut);
            final boolean torn = recordEnds[lastGood] != cut;
            assertEquals(!torn, verify(dir).ok(), "verify with cut at " + cut);
            assertRecovers(dir, lastGood, cut - recordEnds[lastGood], "cut at " + cut + ", seed " + SEED);
        }
    }

    @Test
    void shouldRecoverFromFlippedBitsAtRandomPositions() throws IOException
    {
        final Random random = new Random(SEED + 1);
        for (int trial = 0; trial < 40; trial++)
        {
            final int position = random.nextInt(segmentBytes.length);
            final Path dir = writeCopy("flipped-" + trial, segmentBytes.length, position);
            final int damaged = lastCompleteRecordBefore(position) + 1;
            final VerifyReport report = verify(dir);
            assertFalse(report.ok(), "verify with flip at " + position);
            assertEquals(recordEnds[damaged - 1], report.offset());
            assertEquals(damaged - 1, report.recordsChecked());
            assertRecovers(dir, damaged - 1, segmentBytes.length - recordEnds[damaged - 1],
                "flip at " + position + ", seed " + SEED);
        }
    }

    @Test
    void shouldDeleteLaterSegmentsWhenASealedSegmentIsDamaged() throws IOException
    {
        final Path dir = tempDir.resolve("multi");
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 300);
        }
        final List<Path> segments = SegmentFiles.list(dir);
        final Path damaged = segments.get(2);
        Files.delete(SegmentFiles.indexFile(damaged));
        flipBit(damaged, 100);
        final long firstDamaged = SegmentFiles.firstSequence(damaged);
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            final RecoveryReport report = log.recoveryReport();
            assertTrue(report.truncated());
            assertEquals(segments.size() - 3, report.segmentsDeleted());
            assertEquals(damaged, report.segment());
            assertEquals(firstDamaged - 1, report.lastGoodSequence());
            assertEquals(firstDamaged - 1, log.lastSequence());
            appendAll(log, 10);
            try (LogReader reader = log.reader(1))
            {
                assertEquals(range(1, firstDamaged + 9), readAll(reader));
            }
        }
        assertTrue(verify(dir).ok());
    }

    private void assertRecovers(final Path dir, final int lastGood, final long bytesCut, final String description)
    {
        try (DurableLog log = DurableLog.open(context(dir).segmentLength(1024 * 1024)))
        {
            final RecoveryReport report = log.recoveryReport();
            assertEquals(lastGood, report.lastGoodSequence(), description);
            assertEquals(bytesCut, report.bytesTruncated(), description);
            assertEquals(bytesCut > 0, report.truncated(), description);
            if (bytesCut > 0)
            {
                assertEquals(recordEnds[lastGood], report.offset(), description);
            }
            assertEquals(lastGood + 1, log.append(payload(lastGood + 1), 0, payload(lastGood + 1).length));
            try (LogReader reader = log.reader(1))
            {
                assertEquals(range(1, lastGood + 1), readAll(reader), description);
            }
        }
        assertTrue(verify(dir).ok(), description);
    }

    private int lastCompleteRecordBefore(final long position)
    {
        int sequence = 0;
        while (sequence < RECORDS && recordEnds[sequence + 1] <= position)
        {
            sequence++;
        }
        return sequence;
    }

    private Path writeCopy(final String name, final int length, final int flipPosition) throws IOException
    {
        final Path dir = Files.createDirectories(tempDir.resolve(name));
        final byte[] bytes = Arrays.copyOf(segmentBytes, length);
        if (flipPosition >= 0)
        {
            bytes[flipPosition] ^= (byte)(1 << (flipPosition % 8));
        }
        Files.write(SegmentFiles.segmentFile(dir, 1), bytes);
        return dir;
    }

    private static void flipBit(final Path file, final long position) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte)(one.get(0) ^ 0x10)).clear();
            channel.write(one, position);
        }
    }

    private static VerifyReport verify(final Path dir)
    {
        try (LogInspector inspector = LogInspector.open(dir))
        {
            return inspector.verify();
        }
    }
}
