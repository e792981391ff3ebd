/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.util.concurrent.Callable;

import dev.petrel.durability.LogInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code petrel log tail}: prints the last records of a log.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print the last --count records, one per line (JSON with --json).")
final class LogTailCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private LogOptions log;

    @Option(names = "--count", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "How many records (default 10).")
    private long count = 10;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        try (LogInspector inspector = log.open())
        {
            inspector.tail(count, log.format(), spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
