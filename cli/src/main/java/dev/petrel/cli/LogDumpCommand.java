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
 * {@code petrel log dump}: prints records from a sequence on, one per line.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Print records from --from on, one per line (JSON with --json).")
final class LogDumpCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private LogOptions log;

    @Option(names = "--from", paramLabel = "SEQ", converter = PositiveLongConverter.class,
        description = "First sequence to print (default: the first retained).")
    private long from = 1;

    @Option(names = "--count", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Most records to print (default: all).")
    private long count = Long.MAX_VALUE;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        try (LogInspector inspector = log.open())
        {
            inspector.dump(from, count, log.format(), spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }
}
