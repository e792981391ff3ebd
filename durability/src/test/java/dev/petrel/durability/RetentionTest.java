/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class RetentionTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDeleteSegmentsOnlyOnceEveryReceiverAckedThem()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            log.receivers().register("a");
            log.receivers().register("b");
            assertTrue(log.receivers().isRegistered("b"));
            assertFalse(log.receivers().isRegistered("c"));
            assertThrows(IllegalArgumentException.class, () -> log.receivers().ack("c", 1));
            appendAll(log, 300);
            final List<SegmentInfo> segments = info(log).segments();
            final long firstSegmentEnd = segments.get(0).lastSequence();
            final long secondSegmentEnd = segments.get(1).lastSequence();

            log.receivers().ack("a", secondSegmentEnd);
            assertEquals(0, log.enforceRetention().segmentsDeleted());
            assertEquals(1, log.firstSequence());

            log.receivers().ack("b", firstSegmentEnd);
            final RetentionReport report = log.enforceRetention();
            assertEquals(1, report.deletedByAcks());
            assertEquals(firstSegmentEnd + 1, report.firstRetainedSequence());
            assertTrue(report.losses().isEmpty());

            log.receivers().ack("b", 300);
            log.receivers().ack("a", 300);
            final RetentionReport all = log.enforceRetention();
            assertEquals(segments.size() - 2, all.deletedByAcks());
            assertEquals(1, SegmentFiles.list(dir).size(), "the active segment is never deleted");
            assertEquals(0, log.receivers().lostRecords("a"));
        }
    }

    @Test
    void shouldKeepAckedPositionsAcrossReopen()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            log.receivers().register("a");
            log.receivers().ack("a", 7);
            log.receivers().ack("a", 3);
        }
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertEquals(7, log.receivers().ackedSequence("a"));
        }
    }

    @Test
    void shouldDeleteOldestSegmentsPastLengthLimitAndReportLoss()
    {
        final List<RetentionReport> reports = new ArrayList<>();
        final DurableLog.Context ctx = context(dir).retentionMaxLength(20 * 1024).retentionHandler(reports::add);
        try (DurableLog log = DurableLog.open(ctx))
        {
            log.receivers().register("slow");
            log.receivers().ack("slow", 10);
            appendAll(log, 600);
            assertTrue(log.context().retentionMaxLength() + ctx.segmentLength() >= info(log).totalLength());
            final long lost = log.firstSequence() - 1 - 10;
            assertTrue(lost > 0);
            assertEquals(lost, log.receivers().lostRecords("slow"));
            long reported = 0;
            for (final RetentionReport report : reports)
            {
                assertEquals(0, report.deletedByAcks());
                for (final ReceiverLoss loss : report.losses())
                {
                    assertEquals("slow", loss.receiver());
                    reported += loss.count();
                }
            }
            assertEquals(11, reports.get(0).losses().get(0).fromSequence());
            assertEquals(lost, reported);
            try (LogReader reader = log.reader(log.firstSequence()))
            {
                assertEquals(range(log.firstSequence(), 600), readAll(reader));
            }
        }
    }

    @Test
    void shouldDeleteSegmentsPastAgeLimitAndReportLoss()
    {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(TimeUnit.DAYS.toNanos(20_000));
        final DurableLog.Context ctx = context(dir).retentionMaxAgeNs(TimeUnit.HOURS.toNanos(1)).epochNanoClock(clock);
        try (DurableLog log = DurableLog.open(ctx))
        {
            log.receivers().register("r");
            appendAll(log, 100);
            final long oldEnd = log.lastSequence();
            clock.advance(TimeUnit.MINUTES.toNanos(59));
            appendAll(log, 100);
            assertEquals(1, log.firstSequence());

            clock.advance(TimeUnit.MINUTES.toNanos(2));
            final RetentionReport report = log.enforceRetention();
            assertTrue(report.deletedByAge() > 0);
            final long firstKept = report.firstRetainedSequence();
            assertTrue(firstKept > 1 && firstKept <= oldEnd + 1, "first kept " + firstKept);
            assertEquals(List.of(new ReceiverLoss("r", 1, firstKept - 1)), report.losses());
            assertEquals(firstKept - 1, log.receivers().lostRecords("r"));
            assertEquals(0, log.enforceRetention().segmentsDeleted());
        }
    }

    @Test
    void shouldNotDeleteByAcksWhenNoReceiverIsRegistered()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 300);
            assertEquals(0, log.enforceRetention().segmentsDeleted());
            assertEquals(1, log.firstSequence());
        }
    }

    private static LogInfo info(final DurableLog log)
    {
        try (LogInspector inspector = LogInspector.open(log.context().logDir()))
        {
            return inspector.info();
        }
    }
}
