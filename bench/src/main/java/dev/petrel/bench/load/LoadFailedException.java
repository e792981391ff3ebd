/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

/**
 * A workload could not run: sockets did not connect in time, a sender failed, or the run was interrupted. The
 * message is one line for a person.
 */
public final class LoadFailedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what went wrong.
     */
    public LoadFailedException(final String message)
    {
        super(message);
    }

    /**
     * @param message one line saying what went wrong.
     * @param cause   the failure behind it.
     */
    public LoadFailedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
