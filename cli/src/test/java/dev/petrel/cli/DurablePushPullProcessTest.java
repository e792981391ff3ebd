/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

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

    @Test
    @Timeout(120)
    void shouldPrintEveryNumberOnceAcrossAPullKilledAndRestartedWithTheSameName(@TempDir final Path dir)
        throws IOException
    {
        final String endpoint = "tcp://127.0.0.1:" + LoopbackPorts.closed();
        KilledReceiverScenario.run(
            new String[] { "pull", "--connect", endpoint, "--durable", "worker", "--state",
                dir.resolve("state").toString(), "--raw" },
            "push", "--bind", endpoint, "--log", dir.resolve("log").toString());
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
}
