/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad command line exits 2 with one {@code petrel:} line and the usage, and prints nothing on
 * stdout.
 */
class UsageErrorTest
{
    static Stream<Arguments> badCommandLines()
    {
        return Stream.of(
            Arguments.of("Unknown option: '--bogus'", new String[] { "pub", "a", "b", "--bogus", "--bind",
                "tcp://127.0.0.1:0" }),
            Arguments.of("missing endpoint", new String[] { "pub", "a", "b" }),
            Arguments.of("missing endpoint", new String[] { "pull" }),
            Arguments.of("inproc://", new String[] { "sub", "a", "--bind", "inproc://x" }),
            Arguments.of("tcp endpoint needs host:port", new String[] { "push", "x", "--connect", "tcp://nope" }),
            Arguments.of("unsupported endpoint", new String[] { "push", "x", "--connect", "udp://h:1" }),
            Arguments.of("'ten' is not a whole number", new String[] { "pub", "a", "b", "--count", "ten",
                "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("must be at least 1", new String[] { "sub", "a", "--count", "-1", "--bind",
                "tcp://127.0.0.1:0" }),
            Arguments.of("not a duration", new String[] { "sub", "a", "--timeout", "soon", "--bind",
                "tcp://127.0.0.1:0" }),
            Arguments.of("not a size", new String[] { "push", "--size", "big", "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("give PAYLOAD or --size", new String[] { "pub", "a", "b", "--size", "8", "--bind",
                "tcp://127.0.0.1:0" }),
            Arguments.of("mutually exclusive", new String[] { "pull", "--raw", "--json", "--bind",
                "tcp://127.0.0.1:0" }),
            Arguments.of("bad pattern", new String[] { "sub", "a.>.b", "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("Missing required parameter: 'SUBJECT'", new String[] { "pub" }),
            Arguments.of("Unmatched argument", new String[] { "publish" }),
            Arguments.of("missing command", new String[0]),
            Arguments.of("missing log command", new String[] { "log" }),
            Arguments.of("--size must be at least 8", new String[] { "demo", "--size", "4" }),
            Arguments.of("Missing required argument (specify one of these): (--echo | --payload=TEXT | " +
                "--exec=COMMAND)", new String[] { "reply", "a", "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("mutually exclusive", new String[] { "reply", "a", "--echo", "--payload", "x", "--bind",
                "tcp://127.0.0.1:0" }),
            Arguments.of("missing endpoint", new String[] { "reply", "a", "--echo" }),
            Arguments.of("bad pattern", new String[] { "reply", "a.>.b", "--echo", "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("Missing required option: '--connect=ENDPOINT'", new String[] { "req", "a", "b" }),
            Arguments.of("Missing required parameter: 'PAYLOAD'", new String[] { "req", "a", "--connect",
                "tcp://127.0.0.1:1" }),
            Arguments.of("--fsync needs --log DIR", new String[] { "pub", "a", "b", "--fsync", "always",
                "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("unknown fsync policy 'sometimes'", new String[] { "pub", "a", "b", "--log", "unused",
                "--fsync", "sometimes", "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("--header cannot be used with --log", new String[] { "pub", "a", "b", "--log", "unused",
                "--header", "k=v", "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("--state needs --durable NAME", new String[] { "sub", "a", "--state", "unused",
                "--bind", "tcp://127.0.0.1:0" }),
            Arguments.of("--queue cannot be used with --durable", new String[] { "sub", "a", "--durable", "x",
                "--queue", "g", "--bind", "tcp://127.0.0.1:0" }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void shouldExitTwoWithOneLineAndUsage(final String expected, final String[] args)
    {
        final CommandLineRun run = CommandLineRun.execute(args);

        assertEquals(ExitCodes.USAGE, run.exitCode(), () -> "stderr: " + run.err());
        assertTrue(run.err().get(0).startsWith("petrel: ") && run.err().get(0).contains(expected),
            () -> "stderr: " + run.err());
        assertTrue(run.err().stream().anyMatch(line -> line.startsWith("Run 'petrel")), () -> "stderr: " + run.err());
        assertTrue(run.out().isEmpty(), () -> "stdout: " + run.out());
    }

    @Test
    void shouldDocumentExitCodesInEveryHelp()
    {
        for (final String[] args : new String[][] { { "--help" }, { "pub", "--help" }, { "log", "verify", "-h" } })
        {
            final CommandLineRun run = CommandLineRun.execute(args);

            assertEquals(ExitCodes.OK, run.exitCode());
            assertTrue(run.out().contains("Exit codes:"), () -> "stdout: " + run.out());
            assertTrue(run.out().stream().anyMatch(line -> line.startsWith("  2   bad command line")));
        }
    }

    @Test
    void shouldPrintVersionJavaAndOs()
    {
        final CommandLineRun run = CommandLineRun.execute("version");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals(3, run.out().size());
        assertTrue(run.out().get(0).startsWith("petrel "));
        assertTrue(run.out().get(1).startsWith("Java " + System.getProperty("java.version")));
        assertTrue(run.out().get(2).startsWith("OS "));
        assertEquals(run.out(), CommandLineRun.execute("--version").out());
    }
}
