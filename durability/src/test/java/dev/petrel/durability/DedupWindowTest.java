/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.petrel.durability.DedupResult.*;
import static org.junit.jupiter.api.Assertions.*;

class DedupWindowTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDropRepeatedSequences()
    {
        final DedupWindow window = new DedupWindow();
        assertEquals(NEW, window.onMessage(7, 1));
        assertEquals(NEW, window.onMessage(7, 2));
        assertEquals(DUPLICATE, window.onMessage(7, 1));
        assertEquals(DUPLICATE, window.onMessage(7, 2));
        assertEquals(NEW, window.onMessage(8, 1));
        assertEquals(2, window.highestContiguousSequence(7));
    }

    @Test
    void shouldCountEverythingUpToAnAdvanceAsSeen()
    {
        final DedupWindow window = new DedupWindow();
        window.advance(3, 10);
        assertEquals(DUPLICATE, window.onMessage(3, 10));
        assertEquals(NEW, window.onMessage(3, 12));
        window.advance(3, 11);
        assertEquals(12, window.highestContiguousSequence(3));
        window.advance(3, 5);
        assertEquals(12, window.highestContiguousSequence(3));
        assertEquals(NEW, window.onMessage(3, 13 + DedupWindow.WINDOW_LENGTH - 1));
        window.advance(3, 200);
        assertEquals(DUPLICATE, window.onMessage(3, 200));
        assertEquals(NEW, window.onMessage(3, 201));
    }

    @Test
    void shouldAcceptOutOfOrderWithinWindowOnce()
    {
        final DedupWindow window = new DedupWindow();
        assertEquals(NEW, window.onMessage(1, 1));
        assertEquals(NEW, window.onMessage(1, 5));
        assertEquals(NEW, window.onMessage(1, 3));
        assertEquals(DUPLICATE, window.onMessage(1, 5));
        assertEquals(1, window.highestContiguousSequence(1));
        assertEquals(NEW, window.onMessage(1, 2));
        assertEquals(3, window.highestContiguousSequence(1));
        assertEquals(NEW, window.onMessage(1, 4));
        assertEquals(5, window.highestContiguousSequence(1));
    }

    @Test
    void shouldRefuseSequencesBeyondTheWindow()
    {
        final DedupWindow window = new DedupWindow();
        assertEquals(NEW, window.onMessage(1, 10));
        assertEquals(BEYOND_WINDOW, window.onMessage(1, 10 + DedupWindow.WINDOW_LENGTH + 1));
        assertEquals(NEW, window.onMessage(1, 10 + DedupWindow.WINDOW_LENGTH));
        for (long sequence = 11; sequence < 10 + DedupWindow.WINDOW_LENGTH; sequence++)
        {
            assertEquals(NEW, window.onMessage(1, sequence));
        }
        assertEquals(10 + DedupWindow.WINDOW_LENGTH, window.highestContiguousSequence(1));
        assertEquals(DUPLICATE, window.onMessage(1, 9));
    }

    @Test
    void shouldStillDropDuplicatesAfterSaveAndLoad()
    {
        final Path file = dir.resolve("dedup.dat");
        final DedupWindow window = new DedupWindow();
        for (long sequence = 1; sequence <= 100; sequence++)
        {
            window.onMessage(42, sequence);
        }
        window.onMessage(42, 105);
        window.onMessage(-3, 1_000_000);
        window.save(file);

        final DedupWindow restored = DedupWindow.load(file);
        assertEquals(2, restored.producerCount());
        assertEquals(DUPLICATE, restored.onMessage(42, 100));
        assertEquals(DUPLICATE, restored.onMessage(42, 105));
        assertEquals(DUPLICATE, restored.onMessage(-3, 1_000_000));
        assertEquals(NEW, restored.onMessage(42, 101));
        assertEquals(NEW, restored.onMessage(-3, 1_000_001));
    }

    @Test
    void shouldLoadEmptyWindowWhenFileIsMissing()
    {
        assertEquals(0, DedupWindow.load(dir.resolve("missing.dat")).producerCount());
    }

    @Test
    void shouldRejectDamagedFile() throws Exception
    {
        final Path file = dir.resolve("dedup.dat");
        final DedupWindow window = new DedupWindow();
        window.onMessage(1, 1);
        window.save(file);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[14] ^= 1;
        Files.write(file, bytes);
        assertThrows(DurabilityException.class, () -> DedupWindow.load(file));
    }
}
