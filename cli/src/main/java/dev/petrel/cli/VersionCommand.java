/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code petrel version}: prints Petrel's version, the Java runtime and the operating system.
 */
@Command(name = "version", mixinStandardHelpOptions = true,
    description = "Print the Petrel version, Java version and operating system.")
final class VersionCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        for (final String line : VersionProvider.lines())
        {
            out.println(line);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
