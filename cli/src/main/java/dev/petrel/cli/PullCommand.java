/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import dev.petrel.Node;
import dev.petrel.Puller;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code petrel pull}: takes work from pushers and prints it.
 */
@Command(name = "pull", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Take work from pushers, fair-queued, and print each message as '[#N] PAYLOAD'.",
        "Runs until --count messages arrived (exit 0), --timeout passed without a message (exit 1), or Ctrl-C.",
        "With --durable NAME it receives durable streams (push --log) and acknowledges each message once printed."
    })
final class PullCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private EndpointOptions endpoints;

    @Option(names = "--count", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Exit 0 after N messages.")
    private Long count;

    @ArgGroup(exclusive = true)
    private OutputFormatOptions format;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Exit 1 when no message arrives within this time.")
    private Duration timeout;

    @Mixin
    private DurableReceiverOptions durable;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        endpoints.check();
        durable.check();
        try (Node node = NodeFactory.create())
        {
            final Puller puller = node.puller();
            durable.apply(puller::durable);
            endpoints.attach(puller::bind, puller::connect, verbose.enabled());
            final MessagePrinter printer =
                new MessagePrinter(spec.commandLine().getOut(), OutputFormatOptions.of(format));
            new ReceiveLoop(puller::receive, printer, puller::ack)
                .run(null == count ? Long.MAX_VALUE : count, timeout);
        }
        return ExitCodes.OK;
    }
}
