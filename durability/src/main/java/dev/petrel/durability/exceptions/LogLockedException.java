/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability.exceptions;

/**
 * Thrown when a log directory is opened for writing while another writer holds its lock.
 *
 * @since 0.1.0
 */
public class LogLockedException extends DurabilityException
{
    /**
     * Creates an exception naming the locked directory.
     *
     * @param message naming the directory and its lock file.
     */
    public LogLockedException(final String message)
    {
        super(message);
    }
}
