/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.petrel.Node;
import dev.petrel.Replier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code petrel reply}: answers requests on subjects matching a pattern until a count is reached or it is stopped
 * by SIGINT or SIGTERM, which close it cleanly with exit code 0.
 */
@Command(name = "reply", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Answer requests whose subject matches SUBJECT (* matches one token, > the rest): echo the payload, " +
            "reply with fixed text, or run a command for each.",
        "Runs until --count replies went out (exit 0), or until Ctrl-C or SIGTERM (clean close, exit 0)."
    })
final class ReplyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT",
        description = "Subject pattern to answer, e.g. price.get or price.>.")
    private String pattern;

    @Mixin
    private EndpointOptions endpoints;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ReplyModeOptions mode;

    @Option(names = "--count", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Exit 0 after N replies.")
    private Long count;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        endpoints.check();
        final PrintWriter err = spec.commandLine().getErr();
        try (ShutdownSignal signal = ShutdownSignal.register(spec.commandLine().getOut(), err);
            Node node = NodeFactory.create();
            ReplySource source = mode.source())
        {
            final Replier replier = node.replier();
            final long limit = null == count ? Long.MAX_VALUE : count;
            handle(replier, new CountingHandler(source, limit, verbose.enabled() ? err : null, signal::stop));
            endpoints.attach(replier::bind, replier::connect, verbose.enabled());
            signal.await();
        }
        return ExitCodes.OK;
    }

    private void handle(final Replier replier, final CountingHandler handler)
    {
        try
        {
            replier.handleAsync(pattern, handler);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), "bad pattern '" + pattern + "': " + ex.getMessage());
        }
    }
}
