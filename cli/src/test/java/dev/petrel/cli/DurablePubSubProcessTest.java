/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petrel pub --log} and {@code petrel sub --durable} as separate processes: a durable sub killed with
 * {@code kill -9} mid-stream and restarted with the same name gets what was published while it was gone (pub keeps
 * publishing while the second sub's JVM starts) and prints nothing twice.
 */
class DurablePubSubProcessTest
{
    @Test
    @Timeout(120)
    void shouldPrintEveryNumberOnceAcrossASubKilledAndRestartedWithTheSameName(@TempDir final Path dir)
        throws IOException
    {
        final String endpoint = "tcp://127.0.0.1:" + LoopbackPorts.closed();
        KilledReceiverScenario.run(
            new String[] { "sub", "orders.>", "--connect", endpoint, "--durable", "audit", "--state",
                dir.resolve("state").toString(), "--raw" },
            "pub", "orders.eu", "--bind", endpoint, "--wait-subscribers", "1", "--log", dir.resolve("log").toString());
    }
}
