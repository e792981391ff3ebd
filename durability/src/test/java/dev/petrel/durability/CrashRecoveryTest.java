/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class CrashRecoveryTest
{
    private static final int CRASHES = 5;
    private static final long SEED = 77L;

    @TempDir
    Path tempDir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldKeepEveryAcknowledgedRecordWhenWriterIsKilled() throws Exception
    {
        final Path logDir = tempDir.resolve("log");
        final Random random = new Random(SEED);
        long previousLast = 0;
        for (int crash = 0; crash < CRASHES; crash++)
        {
            final int killAfter = 100 + random.nextInt(400);
            final List<Long> acknowledged = runAndKill(logDir, killAfter, crash);
            assertEquals(killAfter, acknowledged.size(), "child acknowledged too little; see " + errorFile(crash));
            assertEquals(range(acknowledged.get(0), acknowledged.get(acknowledged.size() - 1)), acknowledged);
            assertTrue(acknowledged.get(0) > previousLast, "sequence went back to " + acknowledged.get(0));

            try (DurableLog log = DurableLog.open(TestLogs.context(logDir).segmentLength(64 * 1024)))
            {
                final long lastAcknowledged = acknowledged.get(acknowledged.size() - 1);
                assertTrue(log.lastSequence() >= lastAcknowledged,
                    "lost acknowledged records: recovered to " + log.lastSequence() + ", acked " + lastAcknowledged +
                    ", report " + log.recoveryReport());
                try (LogReader reader = log.reader(1))
                {
                    assertEquals(range(1, log.lastSequence()), readAll(reader));
                }
                previousLast = log.lastSequence();
            }
        }
    }

    private List<Long> runAndKill(final Path logDir, final int killAfter, final int crash) throws IOException
    {
        final Process process = new ProcessBuilder(
            ProcessHandle.current().info().command().orElseThrow(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Xmx64m",
            "-cp", System.getProperty("java.class.path"),
            CrashAppender.class.getName(),
            logDir.toString())
            .redirectError(errorFile(crash).toFile())
            .start();
        final List<Long> acknowledged = new ArrayList<>();
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream())
        {
            int b;
            while (acknowledged.size() < killAfter && (b = in.read()) >= 0)
            {
                if ('\n' == b)
                {
                    acknowledged.add(Long.parseLong(line.toString(StandardCharsets.US_ASCII).trim()));
                    line.reset();
                }
                else
                {
                    line.write(b);
                }
            }
        }
        finally
        {
            process.destroyForcibly();
            waitFor(process);
        }
        return acknowledged;
    }

    private Path errorFile(final int crash)
    {
        return tempDir.resolve("child-" + crash + ".err");
    }

    private static void waitFor(final Process process)
    {
        try
        {
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "child did not die");
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            fail("interrupted waiting for child");
        }
    }
}
