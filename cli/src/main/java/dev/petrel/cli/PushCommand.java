/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.petrel.Node;
import dev.petrel.Pusher;
import dev.petrel.durability.DurableLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code petrel push}: sends work to pullers, round-robin, waiting for a puller with room; exits once what it sent
 * is written to the network.
 */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Send work to pullers, each message to one of them (round-robin).",
        "Without PAYLOAD or --size, each line of stdin is one message. PAYLOAD may contain {{seq}} and {{time}}.",
        "Each send waits until some puller is connected and has room, up to --timeout; push exits once what it " +
            "sent is written to the network.",
        "With --log DIR the stream is durable: only durable pullers (pull --durable) receive it, and push exits " +
            "once they acknowledged everything in the log."
    })
final class PushCommand implements Callable<Integer>
{
    private static final Duration SEND_TIMEOUT_DEFAULT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PAYLOAD", description = "Payload text; stdin if absent.")
    private String payload;

    @Mixin
    private EndpointOptions endpoints;

    @Mixin
    private SendOptions send;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Fail when no puller can take a message within this time (default 10s).")
    private Duration timeout = SEND_TIMEOUT_DEFAULT;

    @Mixin
    private DurableLogOptions durable;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        endpoints.check();
        final DurableLog.Context log = durable.context();
        final PayloadSource payloads = send.payloads(payload);
        final PrintWriter err = spec.commandLine().getErr();
        final long logged = null == log ? 0 : lastSequence(log);
        try (Node node = NodeFactory.create())
        {
            final Pusher pusher = node.pusher().sendTimeout(timeout);
            if (null != log)
            {
                pusher.durable(log);
            }
            endpoints.attach(pusher::bind, pusher::connect, verbose.enabled());
            final long sent = send.sendLoop(payloads, err).run(pusher::send);
            if (null != log)
            {
                DurableAckWait.await(pusher::acknowledgedSequence, logged + sent, timeout, "puller");
            }
            if (verbose.enabled())
            {
                err.println("petrel: pushed " + sent + " message(s)");
                err.flush();
            }
        }
        return ExitCodes.OK;
    }

    private static long lastSequence(final DurableLog.Context ctx)
    {
        try (DurableLog log = DurableLog.open(ctx.clone()))
        {
            return log.lastSequence();
        }
    }
}
