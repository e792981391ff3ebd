/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code petrel log}: groups the read-only tools over a durable log directory.
 */
@Command(name = "log", mixinStandardHelpOptions = true,
    description = "Inspect a durable log directory (read-only; safe while a writer has it open).",
    subcommands = { LogInfoCommand.class, LogDumpCommand.class, LogTailCommand.class, LogVerifyCommand.class })
final class LogCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing log command: info, dump, tail or verify");
    }
}
