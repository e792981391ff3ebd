/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.petrel.Node;
import dev.petrel.Subscriber;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code petrel sub}: subscribes to subject patterns and prints what arrives.
 */
@Command(name = "sub", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Subscribe to subjects matching PATTERN (* matches one token, > the rest) and print each message as " +
            "'[#N] SUBJECT: PAYLOAD', headers indented below.",
        "Runs until --count messages arrived (exit 0), --timeout passed without a message (exit 1), or Ctrl-C.",
        "With --durable NAME it receives durable streams (pub --log) as the named durable subscriber: every " +
            "matching message at least once, each acknowledged once printed, duplicates dropped; a restarted sub " +
            "with the same name gets what it missed."
    })
final class SubCommand implements Callable<Integer>
{
    private static final int RECEIVE_HIGH_WATER_MARK = 262_144;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATTERN", description = "Subject pattern, e.g. orders.*.new or orders.>.")
    private List<String> patterns;

    @Mixin
    private EndpointOptions endpoints;

    @Option(names = "--count", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Exit 0 after N messages.")
    private Long count;

    @ArgGroup(exclusive = true)
    private OutputFormatOptions format;

    @Option(names = "--queue", paramLabel = "GROUP",
        description = "Join this queue group: each message goes to one member of the group.")
    private String queueGroup;

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
        if (durable.enabled() && null != queueGroup)
        {
            throw new ParameterException(spec.commandLine(),
                "--queue cannot be used with --durable: subs with the same durable name share its messages");
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (Node node = NodeFactory.create())
        {
            final Subscriber subscriber = node.subscriber().receiveHighWaterMark(RECEIVE_HIGH_WATER_MARK);
            durable.apply(subscriber::durable);
            for (final String pattern : patterns)
            {
                subscribe(subscriber, pattern);
            }
            endpoints.attach(subscriber::bind, subscriber::connect, verbose.enabled());
            final MessagePrinter printer = new MessagePrinter(out, OutputFormatOptions.of(format));
            new ReceiveLoop(subscriber::receive, printer, subscriber::ack)
                .run(null == count ? Long.MAX_VALUE : count, timeout);
            DropReport.print(spec.commandLine().getErr(), subscriber.stats());
        }
        return ExitCodes.OK;
    }

    private void subscribe(final Subscriber subscriber, final String pattern)
    {
        try
        {
            subscriber.subscribe(pattern, queueGroup, null);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), "bad pattern '" + pattern + "': " + ex.getMessage());
        }
    }
}
