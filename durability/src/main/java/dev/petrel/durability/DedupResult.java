/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Verdict of a {@link DedupWindow} on a message.
 *
 * @since 0.1.0
 */
public enum DedupResult
{
    /**
     * First delivery: process the message.
     */
    NEW,

    /**
     * Seen before: drop the message.
     */
    DUPLICATE,

    /**
     * Too far ahead of the highest contiguous sequence to track: drop it without acking, it will be redelivered.
     */
    BEYOND_WINDOW
}
