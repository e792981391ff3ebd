/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;

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
    void shouldAnswerAsASetOfSeenSequencesForAMostlyOrderedStreamWithRepeats()
    {
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        final DedupWindow window = new DedupWindow();
        final java.util.Set<Long> seen = new java.util.HashSet<>();
        final List<Long> arrivals = new ArrayList<>();
        for (long sequence = 1; sequence <= 20_000; sequence++)
        {
            arrivals.add(sequence);
            if (0 == random.nextInt(7))
            {
                arrivals.add(Math.max(1, sequence - random.nextInt(40)));
            }
        }
        for (int i = 0; i + 1 < arrivals.size(); i++)
        {
            if (0 == random.nextInt(5))
            {
                final int j = Math.min(arrivals.size() - 1, i + 1 + random.nextInt(30));
                Collections.swap(arrivals, i, j);
            }
        }
        window.advance(5, 0);
        for (final long sequence : arrivals)
        {
            assertEquals(seen.add(sequence) ? NEW : DUPLICATE, window.onMessage(5, sequence),
                "sequence " + sequence + ", seed " + seed);
        }
        assertEquals(20_000, window.highestContiguousSequence(5), "seed " + seed);
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

    @Test
    void shouldAcceptEverySequenceOfTheWholeWindowOnceInAnyOrder()
    {
        final long seed = System.nanoTime();
        final List<Long> sequences = new ArrayList<>();
        for (long sequence = 2; sequence <= 1 + DedupWindow.WINDOW_LENGTH; sequence++)
        {
            sequences.add(sequence);
        }
        Collections.shuffle(sequences, new Random(seed));
        final DedupWindow window = new DedupWindow();
        assertEquals(NEW, window.onMessage(5, 1));
        for (final long sequence : sequences)
        {
            assertEquals(NEW, window.onMessage(5, sequence), "seed " + seed + ", sequence " + sequence);
        }
        for (final long sequence : sequences)
        {
            assertEquals(DUPLICATE, window.onMessage(5, sequence), "seed " + seed + ", sequence " + sequence);
        }
        assertEquals(1 + DedupWindow.WINDOW_LENGTH, window.highestContiguousSequence(5));
    }

    @Test
    void shouldReuseRingBitsOnceTheContiguousSequencePassesThem()
    {
        final int length = DedupWindow.WINDOW_LENGTH;
        final DedupWindow window = new DedupWindow();
        assertEquals(NEW, window.onMessage(9, 1));
        assertEquals(NEW, window.onMessage(9, 1 + length));
        for (long sequence = 2; sequence <= length; sequence++)
        {
            assertEquals(NEW, window.onMessage(9, sequence));
        }
        assertEquals(1 + length, window.highestContiguousSequence(9));
        assertEquals(NEW, window.onMessage(9, 1 + 2L * length));
        assertEquals(BEYOND_WINDOW, window.onMessage(9, 2 + 2L * length));
        assertEquals(1 + length, window.highestContiguousSequence(9));
    }

    @Test
    void shouldForgetBitsPassedByAnAdvanceButKeepTheOnesAheadOfIt()
    {
        final int length = DedupWindow.WINDOW_LENGTH;
        final DedupWindow window = new DedupWindow();
        window.advance(4, 100);
        assertEquals(NEW, window.onMessage(4, 150));
        assertEquals(NEW, window.onMessage(4, 100 + length));
        window.advance(4, 120);
        assertEquals(DUPLICATE, window.onMessage(4, 150));
        assertEquals(DUPLICATE, window.onMessage(4, 100 + length));
        assertEquals(NEW, window.onMessage(4, 120 + length));
        window.advance(4, 100 + 3L * length);
        assertEquals(NEW, window.onMessage(4, 150 + 3L * length));
        assertEquals(DUPLICATE, window.onMessage(4, 150 + 3L * length));
    }

    @Test
    void shouldKeepOutOfOrderSequencesAcrossTheWholeWindowThroughSaveAndLoad()
    {
        final Path file = dir.resolve("dedup.dat");
        final int length = DedupWindow.WINDOW_LENGTH;
        final DedupWindow window = new DedupWindow();
        window.onMessage(11, 1_000);
        window.onMessage(11, 1_000 + length);
        window.onMessage(11, 1_000 + length / 2);
        window.save(file);

        final DedupWindow restored = DedupWindow.load(file);
        assertEquals(DUPLICATE, restored.onMessage(11, 1_000 + length));
        assertEquals(DUPLICATE, restored.onMessage(11, 1_000 + length / 2));
        assertEquals(NEW, restored.onMessage(11, 1_001));
        assertEquals(BEYOND_WINDOW, restored.onMessage(11, 1_002 + length));
    }

    @Test
    void shouldLoadAFileSavedWithTheEarlier64SequenceWindow() throws Exception
    {
        final Path file = dir.resolve("dedup-v1.dat");
        final ByteBuffer buffer = ByteBuffer.allocate(12 + 24 + 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(0x44445057).putInt(1).putInt(1);
        buffer.putLong(77).putLong(50).putLong((1L << 2) | (1L << 63));
        final CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int)crc.getValue());
        Files.write(file, buffer.array());

        final DedupWindow restored = DedupWindow.load(file);
        assertEquals(50, restored.highestContiguousSequence(77));
        assertEquals(DUPLICATE, restored.onMessage(77, 50));
        assertEquals(DUPLICATE, restored.onMessage(77, 53));
        assertEquals(DUPLICATE, restored.onMessage(77, 114));
        assertEquals(NEW, restored.onMessage(77, 52));
        assertEquals(NEW, restored.onMessage(77, 51));
        assertEquals(53, restored.highestContiguousSequence(77));
    }
}
