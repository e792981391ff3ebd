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
 * {@code petrel demo}: runs every pattern over TCP loopback and inproc inside this process and prints throughput
 * and latency.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run pub/sub, push/pull and request/reply over loopback TCP and inproc in this process, and print " +
            "throughput and latency percentiles.",
        "Latency is from send to arrival (the round trip for req/reply), taken from a time stamp in each " +
            "payload while sending flat out, so it includes queueing."
    })
final class DemoCommand implements Callable<Integer>
{
    private static final int MIN_LENGTH = Long.BYTES;
    private static final int MAX_MESSAGES = 10_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--messages", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Messages per run (default 100,000; at most 10,000,000).")
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
                table.row(runner.run(pattern, transport));
            }
        }
        return ExitCodes.OK;
    }
}
