/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class SpareSegmentTest
{
    @TempDir
    Path dir;

    @Test
    void shouldStartNewSegmentsInTheFilesOfSegmentsEveryReceiverAcked() throws IOException
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            log.receivers().register("a");
            final long last = appendAll(log, 300);
            final List<SegmentInfo> segments = info(log).segments();
            assertTrue(segments.size() >= 4, "segments: " + segments);
            final Object firstInode = inode(dir.resolve(segments.get(0).fileName()));
            log.receivers().ack("a", segments.get(1).lastSequence());

            assertEquals(2, log.enforceRetention().deletedByAcks());
            assertEquals(2, files(SegmentFiles.SPARE_SUFFIX).size());
            assertEquals(segments.get(2).firstSequence(), log.firstSequence());
            assertEquals(segments.get(0).length() + segments.get(1).length(), info(log).spareLength(),
                "info counts the spares apart from the log's length");

            final long next = appendUntilRoll(log);
            final Path reused = SegmentFiles.segmentFile(dir, next);
            assertEquals(firstInode, inode(reused), "the new segment is the first spare's file");
            assertTrue(Files.exists(SegmentFiles.reusedMarker(reused)));
            assertEquals(1, files(SegmentFiles.SPARE_SUFFIX).size());

            appendAll(log, 5);
            try (LogReader reader = log.reader(log.firstSequence()))
            {
                assertEquals(range(log.firstSequence(), log.lastSequence()), readAll(reader));
            }
            assertTrue(log.lastSequence() > last);
        }
        assertEquals(List.of(), files(SegmentFiles.SPARE_SUFFIX), "spares are deleted on close");
        assertEquals(List.of(), files(SegmentFiles.REUSED_SUFFIX), "a trimmed segment has no stale records");
        try (LogInspector inspector = LogInspector.open(dir))
        {
            assertTrue(inspector.verify().ok());
        }
    }

    @Test
    void shouldEndAReusedSegmentAtItsLastRecordWhenTheWriterDies() throws IOException
    {
        final Path crashed = dir.resolve("crashed");
        final long lastAppended = copyMidReusedSegment(crashed).lastAppended();

        try (LogInspector inspector = LogInspector.open(crashed))
        {
            final VerifyReport verify = inspector.verify();
            assertTrue(verify.ok(), "verify: " + verify);
        }
        try (DurableLog log = DurableLog.open(context(crashed)))
        {
            assertFalse(log.recoveryReport().truncated(), "report: " + log.recoveryReport());
            assertEquals(lastAppended, log.lastSequence());
            assertEquals(List.of(), files(crashed, SegmentFiles.REUSED_SUFFIX));
            appendAll(log, 3);
            try (LogReader reader = log.reader(log.firstSequence()))
            {
                assertEquals(range(log.firstSequence(), lastAppended + 3), readAll(reader));
            }
        }
    }

    @Test
    void shouldReportDamageBeforeTheEndOfAReusedSegment() throws IOException
    {
        final Path crashed = dir.resolve("crashed");
        final long damagedSequence = copyMidReusedSegment(crashed).reusedFirst();
        final Path segment = SegmentFiles.segmentFile(crashed, damagedSequence);
        final byte[] bytes = Files.readAllBytes(segment);
        bytes[RecordDescriptor.CRC_OFFSET + 1] ^= 0x10;
        Files.write(segment, bytes);

        try (LogInspector inspector = LogInspector.open(crashed))
        {
            final VerifyReport verify = inspector.verify();
            assertEquals(RecordDamage.CRC_MISMATCH, verify.damage());
            assertEquals(0, verify.offset());
        }
        try (DurableLog log = DurableLog.open(context(crashed)))
        {
            assertTrue(log.recoveryReport().truncated());
            assertEquals(damagedSequence - 1, log.lastSequence());
        }
    }

    @Test
    void shouldNotReuseASegmentWhileAReaderHasItOpen() throws IOException
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            log.receivers().register("a");
            appendAll(log, 300);
            final List<SegmentInfo> segments = info(log).segments();
            final Object firstInode = inode(dir.resolve(segments.get(0).fileName()));
            final Object secondInode = inode(dir.resolve(segments.get(1).fileName()));
            try (LogReader reader = log.reader(1))
            {
                log.receivers().ack("a", segments.get(1).lastSequence());
                assertEquals(2, log.enforceRetention().deletedByAcks());

                final long next = appendUntilRoll(log);
                assertEquals(secondInode, inode(SegmentFiles.segmentFile(dir, next)),
                    "the segment the reader has open waits; the other spare is used");
                final List<Long> read = new ArrayList<>();
                reader.poll((buffer, offset, length, sequence, timestampNs) ->
                {
                    assertPayload(sequence, buffer, offset, length);
                    read.add(sequence);
                }, (int)segments.get(0).lastSequence());
                assertEquals(range(1, segments.get(0).lastSequence()), read);
            }
            final long next = appendUntilRoll(log);
            assertEquals(firstInode, inode(SegmentFiles.segmentFile(dir, next)),
                "once its reader closed, the waiting segment is reused");
        }
    }

    @Test
    void shouldTakeOverSparesAKilledProcessLeftAndDeleteWhatItCannotUse() throws IOException
    {
        final byte[] garbage = new byte[6000];
        Arrays.fill(garbage, (byte)0x5A);
        final Path leftover = SegmentFiles.spareFile(dir, 0);
        Files.write(leftover, garbage);
        final Object leftoverInode = inode(leftover);
        final Path outOfRange = SegmentFiles.spareFile(dir, SpareSegments.CAPACITY);
        Files.write(outOfRange, garbage);
        final Path orphanMarker = SegmentFiles.reusedMarker(SegmentFiles.segmentFile(dir, 99));
        Files.createFile(orphanMarker);
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertFalse(Files.exists(outOfRange));
            assertFalse(Files.exists(orphanMarker));
            final long next = appendUntilRoll(log);
            assertEquals(leftoverInode, inode(SegmentFiles.segmentFile(dir, next)));
            appendAll(log, 3);
            try (LogReader reader = log.reader(1))
            {
                assertEquals(range(1, log.lastSequence()), readAll(reader));
            }
        }
        try (LogInspector inspector = LogInspector.open(dir))
        {
            assertTrue(inspector.verify().ok());
        }
    }

    /**
     * Writes a log whose active segment was reused from a spare and copies its directory while the log is open and
     * the segment is still mapped, which leaves on disk what a writer killed at that moment leaves.
     */
    private CopiedLog copyMidReusedSegment(final Path copy) throws IOException
    {
        final Path logDir = dir.resolve("log");
        try (DurableLog log = DurableLog.open(context(logDir)))
        {
            log.receivers().register("a");
            appendAll(log, 300);
            log.receivers().ack("a", log.lastSequence());
            assertTrue(log.enforceRetention().deletedByAcks() > 0);
            final long reusedFirst = appendUntilRoll(log);
            appendAll(log, 7);
            assertEquals(1, files(logDir, SegmentFiles.REUSED_SUFFIX).size());
            copyDirectory(logDir, copy);
            return new CopiedLog(reusedFirst, log.lastSequence());
        }
    }

    /**
     * @return the first sequence of the segment the roll started.
     */
    private static long appendUntilRoll(final DurableLog log)
    {
        final int segments = info(log).segments().size();
        while (info(log).segments().size() == segments)
        {
            appendAll(log, 1);
        }
        return log.lastSequence();
    }

    private static LogInfo info(final DurableLog log)
    {
        try (LogInspector inspector = LogInspector.open(log.context().logDir()))
        {
            return inspector.info();
        }
    }

    private List<Path> files(final String suffix) throws IOException
    {
        return files(dir, suffix);
    }

    private static List<Path> files(final Path dir, final String suffix) throws IOException
    {
        final List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + suffix))
        {
            stream.forEach(found::add);
        }
        return found;
    }

    private static Object inode(final Path file) throws IOException
    {
        return Files.getAttribute(file, "unix:ino");
    }

    private static void copyDirectory(final Path from, final Path to) throws IOException
    {
        Files.createDirectories(to);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(from))
        {
            for (final Path file : stream)
            {
                if (Files.isRegularFile(file))
                {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    private record CopiedLog(long reusedFirst, long lastAppended)
    {
    }
}
