/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * One in-process run of the {@code petrel} command line, with its output captured.
 *
 * @param exitCode what it returned.
 * @param out      its stdout lines.
 * @param err      its stderr lines.
 */
record CommandLineRun(int exitCode, List<String> out, List<String> err)
{
    /**
     * @param args the command line.
     * @return what it did.
     */
    static CommandLineRun execute(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CommandLineRun(exitCode, lines(out), lines(err));
    }

    private static List<String> lines(final StringWriter writer)
    {
        final String text = writer.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }
}
