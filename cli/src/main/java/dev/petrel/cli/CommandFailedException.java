/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

/**
 * A command failed at run time for a reason one line explains; {@code petrel} prints it and exits with
 * {@link ExitCodes#FAILURE}.
 */
final class CommandFailedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what went wrong.
     */
    CommandFailedException(final String message)
    {
        super(message);
    }

    /**
     * @param message one line saying what went wrong.
     * @param cause   the failure behind it, shown with {@code --verbose}.
     */
    CommandFailedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
