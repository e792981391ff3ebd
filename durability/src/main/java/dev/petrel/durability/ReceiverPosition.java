/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Position of one durable receiver as kept in the cursor file.
 *
 * @param name          of the receiver.
 * @param ackedSequence highest sequence the receiver acknowledged cumulatively, zero if none.
 * @param lostRecords   records that retention deleted by size or age before the receiver acknowledged them.
 * @since 0.1.0
 */
public record ReceiverPosition(String name, long ackedSequence, long lostRecords)
{
}
