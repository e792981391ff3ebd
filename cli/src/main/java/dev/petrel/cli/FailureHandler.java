/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure inside a command into one line on stderr, {@code petrel: <what went wrong>}, and exit code
 * {@link ExitCodes#FAILURE}; the stack trace follows only with {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler
{
    private static final int MAX_DEPTH = 8;

    @Override
    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        err.println("petrel: " + describe(ex));
        if (isVerbose(parseResult))
        {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    /**
     * @param ex a failure.
     * @return one line describing it: the first line of its message, or its type and cause when it has none.
     */
    static String describe(final Throwable ex)
    {
        final String message = ex.getMessage();
        if (null == message || message.isBlank())
        {
            return ex.getClass().getSimpleName() + (null == ex.getCause() ? "" : ": " + describe(ex.getCause()));
        }
        final int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static boolean isVerbose(final ParseResult root)
    {
        ParseResult result = root;
        for (int depth = 0; depth < MAX_DEPTH && null != result; depth++)
        {
            if (result.hasMatchedOption(VerboseOption.NAME))
            {
                return true;
            }
            result = result.subcommand();
        }
        return false;
    }
}
