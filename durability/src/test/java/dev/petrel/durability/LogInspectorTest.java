/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class LogInspectorTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSummariseSegmentsAndReceivers()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 200);
            log.receivers().register("audit");
            log.receivers().ack("audit", 150);
        }
        try (LogInspector inspector = LogInspector.open(dir))
        {
            final LogInfo info = inspector.info();
            assertEquals(1, info.firstSequence());
            assertEquals(200, info.lastSequence());
            assertEquals(SegmentFiles.list(dir).size(), info.segments().size());
            assertEquals("00000000000000000001.log", info.segments().get(0).fileName());
            long total = 0;
            for (final SegmentInfo segment : info.segments())
            {
                total += segment.length();
            }
            assertEquals(total, info.totalLength());
            assertTrue(info.toString().contains("audit acked=150 lost=0"), info.toString());
        }
    }

    @Test
    void shouldDumpTextAndJsonWithEscaping()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            append(log, "plain");
            append(log, "say \"hi\"\\\n\tok");
            log.append(new byte[]{0, 1, (byte)0xFF}, 0, 3);
            append(log, "bell\u0007");
        }
        try (LogInspector inspector = LogInspector.open(dir))
        {
            final String[] json = dump(inspector, 1, DumpFormat.JSON).split("\n");
            assertEquals(4, json.length);
            assertTrue(json[0].startsWith("{\"sequence\":1,\"timestampNs\":"), json[0]);
            assertTrue(json[0].endsWith(",\"length\":5,\"payload\":\"plain\"}"), json[0]);
            assertTrue(json[1].endsWith("\"payload\":\"say \\\"hi\\\"\\\\\\n\\tok\"}"), json[1]);
            assertTrue(json[2].endsWith("\"length\":3,\"payloadHex\":\"0001ff\"}"), json[2]);
            assertTrue(json[3].endsWith("\"payload\":\"bell\\u0007\"}"), json[3]);

            final String[] text = dump(inspector, 2, DumpFormat.TEXT).split("\n");
            assertEquals(3, text.length);
            assertTrue(text[0].startsWith("sequence=2 timestamp="), text[0]);
            assertTrue(text[1].endsWith("length=3 payloadHex=0001ff"), text[1]);
        }
    }

    @Test
    void shouldReportOkForIntactLog()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 250);
        }
        try (LogInspector inspector = LogInspector.open(dir))
        {
            final VerifyReport report = inspector.verify();
            assertTrue(report.ok(), report.toString());
            assertEquals(250, report.recordsChecked());
            assertTrue(report.toString().startsWith("OK"));
        }
    }

    @Test
    void shouldFailToOpenMissingDirectory()
    {
        assertThrows(DurabilityException.class, () -> LogInspector.open(dir.resolve("nope")));
    }

    private static void append(final DurableLog log, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        log.append(bytes, 0, bytes.length);
    }

    private static String dump(final LogInspector inspector, final long from, final DumpFormat format)
    {
        final StringWriter out = new StringWriter();
        inspector.dump(from, Long.MAX_VALUE, format, new PrintWriter(out));
        return out.toString();
    }
}
