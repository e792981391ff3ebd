/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.LogLockedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class WriterLockTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseSecondWriterNamingTheDirectory()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertEquals(0, log.lastSequence());
            final LogLockedException ex = assertThrows(LogLockedException.class, () -> DurableLog.open(context(dir)));
            assertTrue(ex.getMessage().contains(dir.toString()), ex.getMessage());
        }
    }

    @Test
    void shouldAllowNewWriterAfterClose()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 5);
        }
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertEquals(6, log.append(new byte[0], 0, 0));
        }
    }

    @Test
    void shouldInspectWhileWriterHoldsTheLock()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 120);
            log.receivers().register("billing");
            log.receivers().ack("billing", 42);
            try (LogInspector inspector = LogInspector.open(dir))
            {
                final LogInfo info = inspector.info();
                assertEquals(1, info.firstSequence());
                assertEquals(120, info.lastSequence());
                assertEquals(new ReceiverPosition("billing", 42, 0), info.receivers().get(0));
                assertTrue(inspector.verify().ok());
                final StringWriter out = new StringWriter();
                assertEquals(3, inspector.tail(3, DumpFormat.TEXT, new PrintWriter(out)));
                assertTrue(out.toString().startsWith("sequence=118 "), out.toString());
            }
            assertEquals(121, log.append(new byte[1], 0, 1));
        }
    }
}
