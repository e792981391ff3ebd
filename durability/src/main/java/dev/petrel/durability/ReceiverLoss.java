/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Records that retention deleted by size or age before a receiver had acknowledged them.
 *
 * @param receiver      whose records were lost.
 * @param fromSequence  first lost sequence.
 * @param toSequence    last lost sequence, inclusive.
 * @since 0.1.0
 */
public record ReceiverLoss(String receiver, long fromSequence, long toSequence)
{
    /**
     * Number of records lost.
     *
     * @return the count of sequences in the range.
     */
    public long count()
    {
        return toSequence - fromSequence + 1;
    }
}
