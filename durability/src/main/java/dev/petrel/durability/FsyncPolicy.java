/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.util.Locale;

/**
 * When appended records are forced to storage.
 *
 * @since 0.1.0
 */
public enum FsyncPolicy
{
    /**
     * Every append returns only once its record is on storage; concurrent appenders share one force.
     */
    ALWAYS,

    /**
     * The appending thread forces the log once the configured time or byte interval has passed since the last force.
     */
    INTERVAL,

    /**
     * The log is never forced explicitly; the operating system decides when pages reach storage.
     */
    NEVER;

    /**
     * Parses a policy name, ignoring case.
     *
     * @param name such as {@code always}, {@code interval} or {@code never}.
     * @return the matching policy.
     * @throws IllegalArgumentException if the name is unknown.
     */
    public static FsyncPolicy parse(final String name)
    {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
