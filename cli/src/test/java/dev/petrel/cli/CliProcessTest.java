/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.petrel.durability.DurableLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real command line as child processes: messages between two petrel processes, stdin, JSON output, exit
 * codes and the one-line failures.
 */
@Timeout(60)
class CliProcessTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern JSON_LINE = Pattern.compile("\\{\"seq\":(\\d+),\"subject\":\"([^\"]*)\"," +
        "\"headers\":\\{(.*)},\"payload\":\"((?:[^\"\\\\]|\\\\.)*)\",\"timestamp_ns\":(\\d+),\"received_ns\":(\\d+)}");

    @Test
    void shouldDeliverFromPubToSubAcrossProcesses()
    {
        try (CliProcess sub = CliProcess.start("sub", "orders.>", "--bind", "tcp://127.0.0.1:0", "--count", "3",
            "--raw"))
        {
            final String endpoint = boundEndpoint(sub);
            try (CliProcess pub = CliProcess.start("pub", "orders.eu.new", "order {{seq}}", "--count", "3",
                "--connect", endpoint))
            {
                assertEquals(0, pub.awaitExit(WAIT), () -> "pub stderr: " + pub.err());
            }
            assertEquals(0, sub.awaitExit(WAIT), () -> "sub stderr: " + sub.err());
            assertEquals(List.of("order 1", "order 2", "order 3"), sub.out());
        }
    }

    @Test
    void shouldPublishEachLineOfStdinAndPrintJson()
    {
        try (CliProcess sub = CliProcess.start("sub", "logs.*", "--bind", "tcp://127.0.0.1:0", "--count", "2",
            "--json"))
        {
            final String endpoint = boundEndpoint(sub);
            try (CliProcess pub = CliProcess.start("pub", "logs.app", "--header", "host=a", "--connect", endpoint))
            {
                pub.stdin("first \"line\"\nsecond\tline\n");
                assertEquals(0, pub.awaitExit(WAIT), () -> "pub stderr: " + pub.err());
            }
            assertEquals(0, sub.awaitExit(WAIT), () -> "sub stderr: " + sub.err());
            assertEquals(2, sub.out().size(), () -> "sub stdout: " + sub.out());
            assertJson(sub.out().get(0), 1, "first \\\"line\\\"");
            assertJson(sub.out().get(1), 2, "second\\tline");
        }
    }

    @Test
    void shouldPushToPuller()
    {
        try (CliProcess pull = CliProcess.start("pull", "--bind", "tcp://127.0.0.1:0", "--count", "2"))
        {
            final String endpoint = boundEndpoint(pull);
            try (CliProcess push = CliProcess.start("push", "--size", "10", "--count", "2", "--connect", endpoint))
            {
                assertEquals(0, push.awaitExit(WAIT), () -> "push stderr: " + push.err());
            }
            assertEquals(0, pull.awaitExit(WAIT), () -> "pull stderr: " + pull.err());
            assertEquals(List.of("[#1] 1 abcdefgh", "[#2] 2 abcdefgh"), pull.out());
        }
    }

    @Test
    void shouldExitTwoWithOneLineAndUsageForUnknownOption()
    {
        try (CliProcess pub = CliProcess.start("pub", "a", "b", "--bogus", "--bind", "tcp://127.0.0.1:0"))
        {
            assertEquals(ExitCodes.USAGE, pub.awaitExit(WAIT));
            assertEquals("petrel: Unknown option: '--bogus'", pub.err().get(0));
            assertTrue(pub.err().get(1).startsWith("petrel pub "), () -> "usage expected: " + pub.err());
            assertTrue(pub.out().isEmpty());
        }
    }

    @Test
    void shouldExitOneWhenTheAddressIsInUse() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            CliProcess pub = CliProcess.start("pub", "a", "b", "--bind", "tcp://127.0.0.1:" + taken.getLocalPort()))
        {
            assertEquals(ExitCodes.FAILURE, pub.awaitExit(WAIT));
            assertEquals(List.of("petrel: cannot bind tcp://127.0.0.1:" + taken.getLocalPort() +
                ": address in use or not local"), pub.err());
        }
    }

    @Test
    void shouldExitOneWhenNoPullerCanBeReached() throws Exception
    {
        final int port = closedPort();
        try (CliProcess push = CliProcess.start("push", "x", "--connect", "tcp://127.0.0.1:" + port,
            "--timeout", "300ms"))
        {
            assertEquals(ExitCodes.FAILURE, push.awaitExit(WAIT));
            assertEquals(List.of("petrel: no puller connected within the send timeout of 300 ms"), push.err());
        }
    }

    @Test
    void shouldExitOneWhenSubTimesOut() throws Exception
    {
        try (CliProcess sub = CliProcess.start("sub", "a.>", "--connect", "tcp://127.0.0.1:" + closedPort(),
            "--timeout", "300ms"))
        {
            assertEquals(ExitCodes.FAILURE, sub.awaitExit(WAIT));
            assertEquals(List.of("petrel: no message within 300ms"), sub.err());
        }
    }

    @Test
    void shouldPassAeronEndpointsThroughToTheLibrary()
    {
        try (CliProcess pub = CliProcess.start("pub", "a", "b", "--bind", "aeron:ipc"))
        {
            final int exitCode = pub.awaitExit(WAIT);
            assertTrue(ExitCodes.OK == exitCode || ExitCodes.FAILURE == exitCode, () -> "exit " + exitCode);
            assertTrue(ExitCodes.OK == exitCode || 1 == pub.err().size() && pub.err().get(0).startsWith("petrel: "),
                () -> "one line expected: " + pub.err());
        }
    }

    @Test
    void shouldRunTheDemo()
    {
        try (CliProcess demo = CliProcess.start("demo", "--messages", "5000"))
        {
            assertEquals(0, demo.awaitExit(Duration.ofSeconds(45)), () -> "demo stderr: " + demo.err());
            assertEquals(13, demo.out().size(), () -> "demo stdout: " + demo.out());
            assertTrue(demo.out().get(0).startsWith("pattern"));
            assertTrue(demo.out().stream().anyMatch(line -> line.startsWith("req/reply  inproc")));
            assertTrue(demo.out().stream().filter(line -> line.contains(" aeron-")).allMatch(line ->
                line.matches("\\S+ +aeron-(ipc|udp) +([\\d,]+ +[\\d,]+ +[\\d.]+ +[\\d.]+|unavailable: .+)")),
                () -> "demo stdout: " + demo.out());
        }
    }

    @Test
    void shouldVerifyALogWrittenWithTheDurabilityApi(@TempDir final Path dir)
    {
        try (DurableLog log = DurableLog.open(new DurableLog.Context().logDir(dir)))
        {
            for (int i = 1; i <= 3; i++)
            {
                final byte[] record = ("record " + i).getBytes(StandardCharsets.UTF_8);
                log.append(record, 0, record.length);
            }
        }
        try (CliProcess verify = CliProcess.start("log", "verify", dir.toString()))
        {
            assertEquals(0, verify.awaitExit(WAIT), () -> "stderr: " + verify.err());
            assertEquals(List.of("OK: 1 segments, 3 records"), verify.out());
        }
    }

    private static String boundEndpoint(final CliProcess process)
    {
        return process.awaitBoundEndpoint(WAIT);
    }

    private static int closedPort() throws Exception
    {
        return LoopbackPorts.closed();
    }

    private static void assertJson(final String line, final long seq, final String escapedPayload)
    {
        final Matcher matcher = JSON_LINE.matcher(line);
        assertTrue(matcher.matches(), () -> "not the expected JSON: " + line);
        assertEquals(seq, Long.parseLong(matcher.group(1)));
        assertEquals("logs.app", matcher.group(2));
        assertEquals("\"host\":\"a\"", matcher.group(3));
        assertEquals(escapedPayload, matcher.group(4));
        assertTrue(Long.parseLong(matcher.group(5)) > 0);
        assertTrue(Long.parseLong(matcher.group(6)) >= Long.parseLong(matcher.group(5)) - 1_000_000_000L);
    }
}
