/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability.exceptions;

/**
 * Thrown when a reader meets a record whose frame or checksum is invalid below the durable end of the log.
 *
 * @since 0.1.0
 */
public class LogCorruptionException extends DurabilityException
{
    /**
     * Creates an exception naming the damaged segment and offset.
     *
     * @param message naming the segment file, offset and kind of damage.
     */
    public LogCorruptionException(final String message)
    {
        super(message);
    }
}
