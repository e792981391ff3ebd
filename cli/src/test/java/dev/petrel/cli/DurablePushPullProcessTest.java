/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petrel push --log} and {@code petrel pull --durable} as separate processes: a durable pull killed with
 * {@code kill -9} mid-stream and restarted with the same name misses nothing and prints nothing twice; the options
 * are checked up front.
 */
class DurablePushPullProcessTest
{
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TOTAL = 200;
    private static final int RATE = 50;

    @Test
    @Timeout(120)
    void shouldPrintEveryNumberOnceAcrossAPullKilledAndRestartedWithTheSameName(@TempDir final Path dir)
        throws IOException
    {
        final String endpoint = "tcp://127.0.0.1:" + LoopbackPorts.closed();
        final String[] pull = { "pull", "--connect", endpoint, "--durable", "worker", "--state",
            dir.resolve("state").toString(), "--raw" };
        final List<String> lines = new ArrayList<>();
        // The first pull connects before the push starts, so it takes the stream at its pace and the kill lands
        // between two messages rather than in a burst of replayed ones.
        try (CliProcess first = CliProcess.start(pull);
            CliProcess push = CliProcess.start("push", "--bind", endpoint, "--log", dir.resolve("log").toString(),
                "--size", "16", "--count", Integer.toString(TOTAL), "--rate", Integer.toString(RATE),
                "--timeout", "30s"))
        {
            first.awaitOutLines(TOTAL / 5, WAIT);
            // Half a message interval on purpose: a kill right after a line appears would land between printing
            // that message and recording it, the one moment at which a killed pull prints a message twice.
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1) / RATE / 2);
            first.kill(WAIT);
            lines.addAll(first.out());
            assertTrue(lines.size() < TOTAL, "the first pull was killed mid-stream");
            try (CliProcess second = CliProcess.start(pull))
            {
                assertEquals(0, push.awaitExit(WAIT), () -> "push stderr: " + push.err());
                second.awaitOutLines(TOTAL - lines.size(), WAIT);
                second.kill(WAIT);
                lines.addAll(second.out());
            }
        }
        assertEachNumberOnce(lines);
    }

    @Test
    void shouldRejectFsyncWithoutALogAndStateWithoutADurableName()
    {
        assertUsageError("push", "x", "--connect", "tcp://127.0.0.1:1", "--fsync", "always");
        assertUsageError("push", "x", "--connect", "tcp://127.0.0.1:1", "--log", "unused", "--fsync", "sometimes");
        assertUsageError("pull", "--connect", "tcp://127.0.0.1:1", "--state", "unused");
    }

    private static void assertUsageError(final String... args)
    {
        try (CliProcess process = CliProcess.start(args))
        {
            assertEquals(ExitCodes.USAGE, process.awaitExit(WAIT), () -> "stderr: " + process.err());
        }
    }

    private static void assertEachNumberOnce(final List<String> lines)
    {
        final Map<Integer, Integer> counts = new TreeMap<>();
        for (final String line : lines)
        {
            counts.merge(Integer.parseInt(line.split(" ")[0]), 1, Integer::sum);
        }
        final List<String> wrong = new ArrayList<>();
        for (int number = 1; number <= TOTAL; number++)
        {
            if (1 != counts.getOrDefault(number, 0))
            {
                wrong.add(number + "x" + counts.getOrDefault(number, 0));
            }
        }
        assertEquals(List.of(), wrong, "numbers not printed exactly once in " + lines);
        assertEquals(TOTAL, counts.size());
    }
}
