/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/**
 * Entry point of the {@code petrel} command: runs the command line and exits with its code (see
 * {@link ExitCodes}). Output is UTF-8 whatever the platform's default charset.
 */
public final class Main
{
    private Main()
    {
    }

    /**
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        final PrintWriter out = utf8(FileDescriptor.out);
        final PrintWriter err = utf8(FileDescriptor.err);
        final int exitCode = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /**
     * Builds the {@code petrel} command line with its failure handling, printing to the given writers.
     *
     * @param out for normal output.
     * @param err for diagnostics.
     * @return the command line, ready to execute.
     */
    public static CommandLine commandLine(final PrintWriter out, final PrintWriter err)
    {
        final CommandLine commandLine = new CommandLine(new PetrelCommand())
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler(new FailureHandler())
            .setParameterExceptionHandler(new UsageErrorHandler());
        ExitCodes.document(commandLine);
        return commandLine;
    }

    private static PrintWriter utf8(final FileDescriptor descriptor)
    {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8));
    }
}
