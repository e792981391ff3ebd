/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.util.Arrays;

/**
 * One producer's part of a {@link DedupWindow}: the highest contiguous sequence seen and a bitmap over a ring of the
 * {@link DedupWindow#WINDOW_LENGTH} sequences after it. The bit of a sequence is its remainder modulo the window
 * length, so the ring never shifts: bits are cleared as the contiguous sequence passes them.
 * <p>
 * Not thread safe.
 */
final class SequenceWindow
{
    static final int WORD_COUNT = DedupWindow.WINDOW_LENGTH / Long.SIZE;

    private static final int MASK = DedupWindow.WINDOW_LENGTH - 1;

    private final long[] words = new long[WORD_COUNT];
    private long contiguous;

    SequenceWindow(final long contiguous)
    {
        this.contiguous = contiguous;
    }

    long contiguous()
    {
        return contiguous;
    }

    /**
     * Word of the ring as saved, indexed by sequence modulo the window length.
     */
    long word(final int index)
    {
        return words[index];
    }

    /**
     * Restores a word saved with {@link #word(int)}, before any sequence is judged.
     */
    void word(final int index, final long value)
    {
        words[index] = value;
    }

    DedupResult onSequence(final long sequence)
    {
        if (sequence <= contiguous)
        {
            return DedupResult.DUPLICATE;
        }
        if (sequence == contiguous + 1 && !isSet(sequence + 1))
        {
            // the usual case, in order with nothing seen ahead: no bit to set and clear again
            contiguous = sequence;
            return DedupResult.NEW;
        }
        if (sequence - contiguous > DedupWindow.WINDOW_LENGTH)
        {
            return DedupResult.BEYOND_WINDOW;
        }
        if (isSet(sequence))
        {
            return DedupResult.DUPLICATE;
        }
        set(sequence);
        absorbContiguous();
        return DedupResult.NEW;
    }

    /**
     * Marks a sequence past the contiguous one as seen, as a saved version 1 window recorded it.
     */
    void mark(final long sequence)
    {
        if (sequence > contiguous && sequence - contiguous <= DedupWindow.WINDOW_LENGTH)
        {
            set(sequence);
        }
    }

    void advanceTo(final long sequence)
    {
        if (sequence <= contiguous)
        {
            return;
        }
        if (sequence - contiguous >= DedupWindow.WINDOW_LENGTH)
        {
            Arrays.fill(words, 0);
        }
        else
        {
            for (long cleared = contiguous + 1; cleared <= sequence; cleared++)
            {
                clear(cleared);
            }
        }
        contiguous = sequence;
        absorbContiguous();
    }

    private void absorbContiguous()
    {
        for (int i = 0; i < DedupWindow.WINDOW_LENGTH && isSet(contiguous + 1); i++)
        {
            clear(contiguous + 1);
            contiguous++;
        }
    }

    private boolean isSet(final long sequence)
    {
        final int bit = (int)(sequence & MASK);
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    private void set(final long sequence)
    {
        final int bit = (int)(sequence & MASK);
        words[bit >>> 6] |= 1L << bit;
    }

    private void clear(final long sequence)
    {
        final int bit = (int)(sequence & MASK);
        words[bit >>> 6] &= ~(1L << bit);
    }
}
