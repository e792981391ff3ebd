/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Callback told about each retention pass that runs automatically when the log rolls to a new segment.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RetentionHandler
{
    /**
     * Called on the appending thread, under the append lock, after a retention pass deleted at least one segment.
     *
     * @param report of the pass, including any records lost to size or age limits.
     */
    void onRetention(RetentionReport report);
}
