/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code petrel demo}: runs every pattern over loopback TCP, inproc, Aeron IPC and Aeron UDP inside this process
 * and prints throughput and latency. An Aeron run that fails shows as unavailable instead of failing the demo.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run pub/sub, push/pull and request/reply over loopback TCP, inproc, Aeron IPC and Aeron UDP in this " +
            "process, and print throughput and latency percentiles. Aeron rows that cannot run say why.",
        "Each run starts with an unmeasured warm-up pass, then measures up to --messages messages or 0.7s, " +
            "whichever comes first.",
        "Pub/sub and push/pull latency is from send to arrival while sending flat out, so it includes queueing; " +
            "req/reply latency is the round trip with one request in flight."
    })
final class DemoCommand implements Callable<Integer>
{
    private static final int MIN_LENGTH = Long.BYTES;
    private static final int MAX_MESSAGES = 10_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Most messages per measured run (default 100,000; at most 10,000,000).")
    private long messages = 100_000;

    @Option(names = "--size", paramLabel = "BYTES", converter = SizeConverter.class,
        description = "Payload size (default 64, at least 8).")
    private int size = 64;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        if (size < MIN_LENGTH || messages > MAX_MESSAGES)
        {
            throw new ParameterException(spec.commandLine(),
                "--size must be at least " + MIN_LENGTH + " and --messages at most " + MAX_MESSAGES);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final DemoRunner runner = new DemoRunner((int)messages, size);
        final DemoTable table = new DemoTable(out);
        table.header();
        for (final DemoPattern pattern : List.of(new PubSubDemo(), new PushPullDemo(), new RequestReplyDemo()))
        {
            for (final DemoTransport transport : DemoTransport.values())
            {
                run(runner, table, pattern, transport);
            }
        }
        return ExitCodes.OK;
    }

    private static void run(
        final DemoRunner runner, final DemoTable table, final DemoPattern pattern, final DemoTransport transport)
    {
        try
        {
            table.row(runner.run(pattern, transport));
        }
        catch (final RuntimeException ex)
        {
            if (!transport.optional())
            {
                throw ex;
            }
            table.unavailable(pattern.label(), transport.label(), FailureHandler.describe(ex));
        }
    }
}
