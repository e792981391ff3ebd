/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code petrel req} against {@code petrel reply} as child processes: replies, counts, commands, the one-line
 * failures and a clean stop on SIGTERM.
 */
@Timeout(60)
class ReqReplyProcessTest
{
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void shouldEchoEachRequestAndExitAfterTheCount()
    {
        try (CliProcess reply = CliProcess.start("reply", "greet.*", "--echo", "--count", "2", "--bind",
            "tcp://127.0.0.1:0"))
        {
            final String endpoint = reply.awaitBoundEndpoint(WAIT);
            try (CliProcess req = CliProcess.start("req", "greet.x", "hello {{seq}}", "--count", "2", "--connect",
                endpoint))
            {
                assertEquals(0, req.awaitExit(WAIT), () -> "req stderr: " + req.err());
                assertEquals(List.of("[#1] hello 1", "[#2] hello 2"), req.out());
            }
            assertEquals(0, reply.awaitExit(WAIT), () -> "reply stderr: " + reply.err());
        }
    }

    @Test
    void shouldReplyWithTheOutputOfTheCommand()
    {
        try (CliProcess reply = CliProcess.start("reply", "upper", "--exec", "tr a-z A-Z", "--count", "1", "--bind",
            "tcp://127.0.0.1:0"))
        {
            final String endpoint = reply.awaitBoundEndpoint(WAIT);
            try (CliProcess req = CliProcess.start("req", "upper", "quiet words", "--raw", "--connect", endpoint))
            {
                assertEquals(0, req.awaitExit(WAIT), () -> "req stderr: " + req.err());
                assertEquals(List.of("QUIET WORDS"), req.out());
            }
            assertEquals(0, reply.awaitExit(WAIT), () -> "reply stderr: " + reply.err());
        }
    }

    @Test
    void shouldExitOneWithTheFirstLineTheFailingCommandPrinted()
    {
        try (CliProcess reply = CliProcess.start("reply", "job", "--exec", "echo 'disk full' >&2; echo more >&2; " +
            "exit 3", "--bind", "tcp://127.0.0.1:0"))
        {
            final String endpoint = reply.awaitBoundEndpoint(WAIT);
            try (CliProcess req = CliProcess.start("req", "job", "x", "--connect", endpoint))
            {
                assertEquals(ExitCodes.FAILURE, req.awaitExit(WAIT));
                assertEquals(List.of("petrel: replier error: disk full"), req.err());
                assertEquals(List.of(), req.out());
            }
        }
    }

    @Test
    void shouldExitOneWhenNoReplierIsThere() throws Exception
    {
        final String endpoint = "tcp://127.0.0.1:" + LoopbackPorts.closed();
        try (CliProcess req = CliProcess.start("req", "price.get", "x", "--timeout", "500ms", "--connect", endpoint))
        {
            assertEquals(ExitCodes.FAILURE, req.awaitExit(WAIT));
            assertEquals(List.of("petrel: no responders for 'price.get' at " + endpoint), req.err());
        }
    }

    @Test
    void shouldExitOneWhenTheReplyIsLate()
    {
        try (CliProcess reply = CliProcess.start("reply", "slow", "--exec", "sleep 5", "--bind", "tcp://127.0.0.1:0"))
        {
            final String endpoint = reply.awaitBoundEndpoint(WAIT);
            try (CliProcess req = CliProcess.start("req", "slow", "x", "--timeout", "500ms", "--connect", endpoint))
            {
                assertEquals(ExitCodes.FAILURE, req.awaitExit(WAIT));
                assertEquals(List.of("petrel: no reply to 'slow' within 500ms"), req.err());
            }
            reply.terminate();
            assertEquals(0, reply.awaitExit(WAIT), () -> "reply stderr: " + reply.err());
        }
    }

    @Test
    void shouldExitZeroWhenTerminatedAfterReplying()
    {
        try (CliProcess reply = CliProcess.start("reply", "ping", "--payload", "pong {{seq}}", "--verbose",
            "--bind", "tcp://127.0.0.1:0"))
        {
            final String endpoint = reply.awaitBoundEndpoint(WAIT);
            try (CliProcess req = CliProcess.start("req", "ping", "x", "--json", "--connect", endpoint))
            {
                assertEquals(0, req.awaitExit(WAIT), () -> "req stderr: " + req.err());
                assertEquals(1, req.out().size());
                assertTrue(req.out().get(0).contains("\"payload\":\"pong 1\""), () -> req.out().get(0));
            }
            reply.awaitErrLine(line -> line.equals("petrel: [#1] ping: replied with 6 bytes"), WAIT);
            reply.terminate();
            assertEquals(0, reply.awaitExit(WAIT), () -> "reply stderr: " + reply.err());
        }
    }
}
