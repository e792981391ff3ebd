/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import picocli.CommandLine;

/**
 * The exit codes of every {@code petrel} command, and the table that documents them in each command's help.
 */
final class ExitCodes
{
    /** The command did what it was asked. */
    static final int OK = 0;

    /** The command failed at run time: a bind, connection, timeout or I/O failure. */
    static final int FAILURE = 1;

    /** The command line was wrong: unknown option, missing or bad value. */
    static final int USAGE = 2;

    /** {@code petrel log verify} found a damaged record or a missing segment. */
    static final int LOG_DAMAGED = 3;

    private static final int MAX_DEPTH = 4;

    private ExitCodes()
    {
    }

    /**
     * Adds the exit code table to the help of a command and all its subcommands.
     *
     * @param commandLine the root command.
     */
    static void document(final CommandLine commandLine)
    {
        document(commandLine, 0);
    }

    private static void document(final CommandLine commandLine, final int depth)
    {
        commandLine.getCommandSpec().usageMessage()
            .exitCodeListHeading("%nExit codes:%n")
            .exitCodeList(CommandLine.Model.UsageMessageSpec.keyValuesMap(
                OK + ":success",
                FAILURE + ":failure at run time (bind, connect, timeout, I/O); one line on stderr",
                USAGE + ":bad command line; one line and the usage on stderr",
                LOG_DAMAGED + ":'log verify' found damage"));
        if (depth < MAX_DEPTH)
        {
            for (final CommandLine sub : commandLine.getSubcommands().values())
            {
                document(sub, depth + 1);
            }
        }
    }
}
