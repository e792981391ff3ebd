/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Crash images of a log whose active segment is appended through a mapping: the segment file is as long as the
 * configured segment length, its records are followed by zeros, and whatever a crash left half written sits inside
 * that zero tail. An image is taken by copying the segment file of a log that is still open, which is what a
 * {@code kill -9} leaves on disk.
 */
class PreallocatedSegmentTest
{
    private static final long SEGMENT_LENGTH = 256 * 1024;
    private static final int RECORDS = 200;

    @TempDir
    Path tempDir;

    private Path crashed;
    private long recordsEnd;

    @BeforeEach
    void takeCrashImage() throws IOException
    {
        final Path live = tempDir.resolve("live");
        crashed = Files.createDirectories(tempDir.resolve("crashed"));
        final Path segment = SegmentFiles.segmentFile(live, 1);
        try (DurableLog log = DurableLog.open(context(live).segmentLength(SEGMENT_LENGTH)))
        {
            appendAll(log, RECORDS);
            Files.copy(segment, SegmentFiles.segmentFile(crashed, 1));
        }
        recordsEnd = recordsEnd(RECORDS);
        assertEquals(SEGMENT_LENGTH, SegmentFiles.size(SegmentFiles.segmentFile(crashed, 1)), "not preallocated");
        assertEquals(recordsEnd, SegmentFiles.size(segment), "close did not trim");
    }

    @Test
    void shouldReportNothingCutWhenReopeningAfterCrashWithZeroTail()
    {
        try (DurableLog log = open())
        {
            final RecoveryReport report = log.recoveryReport();
            assertFalse(report.truncated(), report.toString());
            assertEquals(0, report.bytesTruncated());
            assertEquals(RecordDamage.NONE, report.damage());
            assertEquals(RECORDS, report.lastGoodSequence());
            appendAll(log, 10);
            try (LogReader reader = log.reader(1))
            {
                assertEquals(range(1, RECORDS + 10), readAll(reader));
            }
        }
        assertEquals(recordsEnd(RECORDS + 10), SegmentFiles.size(SegmentFiles.segmentFile(crashed, 1)));
        assertTrue(verify().ok());
    }

    @Test
    void shouldCutAndReportTornRecordInsideZeroTail() throws IOException
    {
        final byte[] half = new byte[RecordDescriptor.HEADER_LENGTH + 50];
        ByteBuffer.wrap(half).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(RecordDescriptor.HEADER_LENGTH + 100).putInt(0x1234).putLong(RECORDS + 1).putLong(99);
        half[half.length - 1] = 7;
        writeAt(recordsEnd, half);
        assertCutAndReported(RecordDamage.CRC_MISMATCH);
    }

    @Test
    void shouldCutAndReportRecordWhoseLengthWasNeverWritten() throws IOException
    {
        final byte[] headless = new byte[RecordDescriptor.HEADER_LENGTH];
        ByteBuffer.wrap(headless).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(0x1234).putLong(RECORDS + 1);
        writeAt(recordsEnd, headless);
        assertCutAndReported(RecordDamage.BAD_LENGTH);
    }

    @Test
    void shouldVerifyInfoAndDumpCrashedPreallocatedSegment()
    {
        assertTrue(verify().ok(), verify().toString());
        assertEquals(RECORDS, verify().recordsChecked());
        try (LogInspector inspector = LogInspector.open(crashed))
        {
            final LogInfo info = inspector.info();
            assertEquals(RECORDS, info.lastSequence());
            assertEquals(recordsEnd, info.totalLength());
            final StringWriter text = new StringWriter();
            assertEquals(RECORDS, inspector.dump(1, Long.MAX_VALUE, DumpFormat.TEXT, new PrintWriter(text)));
            assertEquals(RECORDS, text.toString().lines().count());
        }
        assertEquals(SEGMENT_LENGTH, SegmentFiles.size(SegmentFiles.segmentFile(crashed, 1)), "inspector wrote");
    }

    @Test
    void shouldVerifyReportTornRecordInsideZeroTail() throws IOException
    {
        writeAt(recordsEnd + 8, new byte[]{1});
        final VerifyReport report = verify();
        assertFalse(report.ok());
        assertEquals(recordsEnd, report.offset());
        assertEquals(RECORDS, report.recordsChecked());
    }

    @Test
    void shouldTrimRolledSegmentsSoTheirIndexFilesAreTrusted()
    {
        final Path dir = tempDir.resolve("rolled");
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 300);
            final List<Path> segments = SegmentFiles.list(dir);
            assertTrue(segments.size() > 2);
            for (final Path sealed : segments.subList(0, segments.size() - 1))
            {
                assertNotNull(IndexFile.load(sealed, SegmentFiles.firstSequence(sealed), SegmentFiles.size(sealed)),
                    "index of " + sealed + " does not match the file's length");
            }
        }
    }

    private void assertCutAndReported(final RecordDamage damage)
    {
        try (DurableLog log = open())
        {
            final RecoveryReport report = log.recoveryReport();
            assertTrue(report.truncated());
            assertEquals(damage, report.damage());
            assertEquals(recordsEnd, report.offset());
            assertEquals(SEGMENT_LENGTH - recordsEnd, report.bytesTruncated());
            assertEquals(RECORDS, report.lastGoodSequence());
            appendAll(log, 5);
            try (LogReader reader = log.reader(1))
            {
                assertEquals(range(1, RECORDS + 5), readAll(reader));
            }
        }
        assertTrue(verify().ok());
    }

    private DurableLog open()
    {
        return DurableLog.open(context(crashed).segmentLength(SEGMENT_LENGTH));
    }

    private VerifyReport verify()
    {
        try (LogInspector inspector = LogInspector.open(crashed))
        {
            return inspector.verify();
        }
    }

    private void writeAt(final long position, final byte[] bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(SegmentFiles.segmentFile(crashed, 1), StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(bytes), position);
        }
    }

    private static long recordsEnd(final int records)
    {
        long end = 0;
        for (int sequence = 1; sequence <= records; sequence++)
        {
            end += RecordDescriptor.HEADER_LENGTH + payload(sequence).length;
        }
        return end;
    }
}
