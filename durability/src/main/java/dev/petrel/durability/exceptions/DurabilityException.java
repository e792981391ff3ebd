/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability.exceptions;

/**
 * Base of the unchecked exceptions thrown by the durable log, typically wrapping an I/O failure.
 *
 * @since 0.1.0
 */
public class DurabilityException extends RuntimeException
{
    /**
     * Creates an exception with a message.
     *
     * @param message describing the failure.
     */
    public DurabilityException(final String message)
    {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message describing the failure.
     * @param cause   of the failure.
     */
    public DurabilityException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
