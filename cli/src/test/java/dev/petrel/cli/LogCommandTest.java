/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import dev.petrel.durability.DurableLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petrel log} over a log written with the durability API, run in process.
 */
class LogCommandTest
{
    private static final int RECORDS = 5;

    @TempDir
    Path dir;

    @BeforeEach
    void writeLog()
    {
        try (DurableLog log = DurableLog.open(new DurableLog.Context().logDir(dir)))
        {
            for (int i = 1; i <= RECORDS; i++)
            {
                final byte[] record = ("record " + i).getBytes(StandardCharsets.UTF_8);
                log.append(record, 0, record.length);
            }
        }
    }

    @Test
    void shouldSummariseTheLog()
    {
        final CommandLineRun run = CommandLineRun.execute("log", "info", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), () -> "stderr: " + run.err());
        assertTrue(run.out().contains("sequences: 1.." + RECORDS), () -> "stdout: " + run.out());
    }

    @Test
    void shouldSummariseTheLogAsJson()
    {
        final CommandLineRun run = CommandLineRun.execute("log", "info", dir.toString(), "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), () -> "stderr: " + run.err());
        assertEquals(1, run.out().size());
        assertTrue(run.out().get(0).contains("\"first_sequence\":1,\"last_sequence\":" + RECORDS),
            () -> "stdout: " + run.out());
    }

    @Test
    void shouldReportSpareFilesAKilledWriterLeft() throws IOException
    {
        Files.write(dir.resolve("segment-0.spare"), new byte[4096]);

        final CommandLineRun run = CommandLineRun.execute("log", "info", dir.toString(), "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), () -> "stderr: " + run.err());
        assertTrue(run.out().get(0).contains("\"spare_length\":4096"), () -> "stdout: " + run.out());
    }

    @Test
    void shouldDumpFromASequence()
    {
        final CommandLineRun run = CommandLineRun.execute("log", "dump", dir.toString(), "--from", "4", "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), () -> "stderr: " + run.err());
        assertEquals(2, run.out().size(), () -> "stdout: " + run.out());
        assertTrue(run.out().get(0).startsWith("{\"sequence\":4,"));
        assertTrue(run.out().get(1).contains("\"payload\":\"record 5\""));
    }

    @Test
    void shouldTailTheLastRecords()
    {
        final CommandLineRun run = CommandLineRun.execute("log", "tail", dir.toString(), "--count", "2");

        assertEquals(ExitCodes.OK, run.exitCode(), () -> "stderr: " + run.err());
        assertEquals(2, run.out().size(), () -> "stdout: " + run.out());
        assertTrue(run.out().get(1).startsWith("sequence=" + RECORDS + " "));
    }

    @Test
    void shouldExitThreeWhenARecordIsDamaged() throws IOException
    {
        final Path segment = segmentFile();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[] { 'X', 'X', 'X' }), 20);
        }

        final CommandLineRun run = CommandLineRun.execute("log", "verify", dir.toString(), "--json");

        assertEquals(ExitCodes.LOG_DAMAGED, run.exitCode(), () -> "stdout: " + run.out() + " stderr: " + run.err());
        assertTrue(run.out().get(0).startsWith("{\"ok\":false,"), () -> "stdout: " + run.out());
    }

    @Test
    void shouldExitOneForAMissingDirectory()
    {
        final CommandLineRun run = CommandLineRun.execute("log", "verify", dir.resolve("absent").toString());

        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertEquals(List.of("petrel: no log directory " + dir.resolve("absent")), run.err());
    }

    private Path segmentFile() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(file -> file.toString().endsWith(".log")).findFirst().orElseThrow();
        }
    }
}
