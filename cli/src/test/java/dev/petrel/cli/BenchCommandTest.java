/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest
{
    private static final byte[] PNG_SIGNATURE = { (byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "pushpull, tcp", "pubsub, tcp", "reqrep, tcp",
        "pushpull, inproc", "pubsub, inproc", "reqrep, inproc",
        "pushpull, aeron-ipc", "pubsub, aeron-ipc", "reqrep, aeron-ipc",
        "pushpull, aeron-udp", "pubsub, aeron-udp", "reqrep, aeron-udp" })
    void shouldMeasureEveryPatternOverEveryTransport(final String pattern, final String transport)
    {
        final CommandLineRun run = CommandLineRun.execute("bench", pattern, "--transport", transport,
            "--count", "2000", "--time-cap", "20s");

        assertEquals(0, run.exitCode(), String.join("\n", run.err()));
        final String out = String.join("\n", run.out());
        assertTrue(out.startsWith("petrel bench " + pattern + " over " + transport), out);
        assertTrue(out.contains("2,000        2,000        0"), out);
        assertTrue(out.contains("GC ") && out.contains(" cores") && out.contains("idle backoff, 64 B messages"), out);
    }

    @Test
    void shouldSayLatencyIsCorrectedWhenPaced()
    {
        final CommandLineRun run = CommandLineRun.execute("bench", "pushpull", "--transport", "inproc",
            "--rate", "20000", "--count", "2000", "--pubs", "2", "--subs", "2");

        assertEquals(0, run.exitCode(), String.join("\n", run.err()));
        final String out = String.join("\n", run.out());
        assertTrue(out.contains("from each message's intended send time at the fixed rate (corrected for " +
            "coordinated omission)"), out);
        assertTrue(out.contains("pusher sent #1") && out.contains("puller received #1"), out);
    }

    @Test
    void shouldPrintOneJsonDocumentWithTheDocumentedKeys()
    {
        final CommandLineRun run = CommandLineRun.execute("bench", "pubsub", "--transport", "inproc",
            "--count", "2000", "--subs", "2", "--json");

        assertEquals(0, run.exitCode(), String.join("\n", run.err()));
        assertEquals(1, run.out().size());
        final String json = run.out().get(0);
        assertTrue(json.startsWith("{\"schema\":\"petrel-bench/1\",\"pattern\":\"pubsub\""), json);
        assertTrue(json.endsWith("}]}]}"), json);
        for (final String key : new String[] { "\"settings\":{", "\"environment\":{", "\"latency\":{", "\"runs\":[",
            "\"sent\":2000", "\"received\":4000", "\"lost\":0", "\"latency_ns\":{", "\"p99.99\":", "\"receivers\":[" })
        {
            assertTrue(json.contains(key), key + " in " + json);
        }
    }

    @Test
    void shouldSweepRatesAndWriteCsvHgrmAndCharts() throws IOException
    {
        final Path csv = dir.resolve("lat.csv");
        final Path svg = dir.resolve("lat.svg");
        final Path png = dir.resolve("lat.png");
        final CommandLineRun run = CommandLineRun.execute("bench", "pushpull", "--transport", "inproc",
            "--sweep", "5000,10000", "--count", "1000", "--csv", csv.toString(), "--hgrm",
            dir.resolve("lat.hgrm").toString(), "--plot", svg.toString());
        final CommandLineRun pngRun = CommandLineRun.execute("bench", "reqrep", "--transport", "inproc",
            "--count", "2000", "--in-flight", "8", "--plot", png.toString());

        assertEquals(0, run.exitCode(), String.join("\n", run.err()));
        assertEquals(0, pngRun.exitCode(), String.join("\n", pngRun.err()));
        assertEquals(3, Files.readAllLines(csv).size());
        assertTrue(Files.readString(dir.resolve("lat-5000.hgrm")).contains("Percentile TotalCount"));
        assertTrue(Files.exists(dir.resolve("lat-10000.hgrm")));
        assertTrue(Files.readString(svg).contains(">99.9%<"));
        final byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        final BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(run.err().contains("wrote " + svg), String.join("\n", run.err()));
    }

    @Test
    void shouldRunTheTwoSidesOfATcpWorkloadInTwoProcesses() throws IOException
    {
        final String endpoint = "tcp://127.0.0.1:" + LoopbackPorts.closed();
        try (CliProcess puller = CliProcess.start("bench", "pushpull", "--role", "puller", "--endpoint", endpoint,
            "--count", "2000", "--time-cap", "20s", "--json"))
        {
            final CommandLineRun pusher = CommandLineRun.execute("bench", "pushpull", "--role", "pusher",
                "--endpoint", endpoint, "--count", "2000", "--time-cap", "20s");

            assertEquals(0, pusher.exitCode(), String.join("\n", pusher.err()));
            assertEquals(0, puller.awaitExit(Duration.ofSeconds(20)), String.join("\n", puller.err()));
            final String json = String.join("", puller.out());
            assertTrue(json.contains("\"received\":2000"), json);
            assertTrue(json.contains("\"recorded\":true"), json);
            assertTrue(String.join("\n", pusher.out()).contains("pusher sent #0: 2,000 messages"));
        }
    }

    @Test
    void shouldFailAtRunTimeWhenNoPeerAppearsBeforeTheTimeCap() throws IOException
    {
        final CommandLineRun run = CommandLineRun.execute("bench", "reqrep", "--role", "requester", "--endpoint",
            "tcp://127.0.0.1:" + LoopbackPorts.closed(), "--count", "10", "--time-cap", "500ms");

        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertEquals("petrel: timed out waiting for a replier", run.err().get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nosuch | unknown pattern 'nosuch'",
        "pushpull --transport pigeon | unknown transport 'pigeon'",
        "pushpull --size 8 | --size must be at least 16",
        "pushpull --rate 10 --sweep 1,2 | give --rate or --sweep, not both",
        "pushpull --role puller | --role and --endpoint go together",
        "pubsub --role puller --endpoint tcp://127.0.0.1:1 | role puller belongs to pushpull, not pubsub",
        "pushpull --idle fast | --idle must be backoff, busy-spin or sleeping",
        "pushpull --role puller --endpoint inproc://x | --endpoint must be tcp://HOST:PORT or aeron:",
        "pushpull --pubs 0 | publishers and subscribers must be from 1 to 64" })
    void shouldRejectABadCommandLineAsAUsageError(final String args, final String message)
    {
        final CommandLineRun run = CommandLineRun.execute(("bench " + args).split(" "));

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().get(0).startsWith("petrel: " + message), run.err().get(0));
    }
}
