/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root {@code petrel} command: help and version options, and the subcommands.
 */
@Command(name = "petrel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Brokerless messaging from the terminal: peers talk to each other directly over TCP (ZeroMQ " +
        "ZMTP 3.1, so ZeroMQ peers join in).",
    subcommands = {
        HelpCommand.class,
        PubCommand.class,
        SubCommand.class,
        PushCommand.class,
        PullCommand.class,
        ReqCommand.class,
        ReplyCommand.class,
        LogCommand.class,
        DemoCommand.class,
        BenchCommand.class,
        VersionCommand.class,
        AutoComplete.GenerateCompletion.class
    },
    footer = {
        "",
        "Example:",
        "  petrel sub 'orders.>' --bind tcp://127.0.0.1:5556 --count 3 &",
        "  petrel pub orders.eu.new 'order {{seq}}' --count 3 \\",
        "      --connect tcp://127.0.0.1:5556"
    })
final class PetrelCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
