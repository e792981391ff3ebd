/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a bad command line as one line, {@code petrel: <what is wrong>}, followed by the command's synopsis and
 * a pointer to its help, and exits with {@link ExitCodes#USAGE}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler
{
    @Override
    public int handleParseException(final ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final PrintWriter err = commandLine.getErr();
        err.println("petrel: " + ex.getMessage().replaceFirst("^Error: ", ""));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.print(commandLine.getHelp().synopsis(0));
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
