/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DurableLogContextTest
{
    @TempDir
    Path dir;

    @Test
    void shouldParseSuffixedSizesAndDurations()
    {
        final DurableLog.Context ctx = new DurableLog.Context().logDir(dir).segmentLength("64m").fsyncInterval("250us");
        assertEquals(64L * 1024 * 1024, ctx.segmentLength());
        assertEquals(250_000, ctx.fsyncIntervalNs());
    }

    @Test
    void shouldReadDefaultsFromSystemProperties()
    {
        System.setProperty(DurableLogConfiguration.SEGMENT_LENGTH_PROP_NAME, "2m");
        System.setProperty(DurableLogConfiguration.FSYNC_POLICY_PROP_NAME, "always");
        try
        {
            final DurableLog.Context ctx = new DurableLog.Context();
            assertEquals(2L * 1024 * 1024, ctx.segmentLength());
            assertEquals(FsyncPolicy.ALWAYS, ctx.fsyncPolicy());
        }
        finally
        {
            System.clearProperty(DurableLogConfiguration.SEGMENT_LENGTH_PROP_NAME);
            System.clearProperty(DurableLogConfiguration.FSYNC_POLICY_PROP_NAME);
        }
    }

    @Test
    void shouldConcludeOnlyOnce()
    {
        final DurableLog.Context ctx = new DurableLog.Context().logDir(dir).conclude();
        assertThrows(IllegalStateException.class, ctx::conclude);
    }

    @Test
    void shouldRejectPayloadThatCannotFitASegment()
    {
        final DurableLog.Context ctx = new DurableLog.Context().logDir(dir).segmentLength(4096).maxPayloadLength(4096);
        assertThrows(IllegalArgumentException.class, ctx::conclude);
    }

    @Test
    void shouldRequireALogDirectory()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> new DurableLog.Context().logDir(null).conclude());
        assertTrue(ex.getMessage().contains(DurableLogConfiguration.LOG_DIR_PROP_NAME));
    }

    @Test
    void shouldPrintEffectiveConfiguration()
    {
        final String text = new DurableLog.Context().logDir(dir).fsyncPolicy(FsyncPolicy.NEVER).toString();
        assertTrue(text.contains("fsyncPolicy=NEVER"), text);
        assertTrue(text.contains("logDir=" + dir), text);
    }
}
