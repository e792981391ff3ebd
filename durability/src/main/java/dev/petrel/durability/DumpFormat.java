/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Output format of {@link LogInspector#dump} and {@link LogInspector#tail}.
 *
 * @since 0.1.0
 */
public enum DumpFormat
{
    /**
     * One line of {@code key=value} pairs per record.
     */
    TEXT,

    /**
     * One JSON object per line per record.
     */
    JSON
}
