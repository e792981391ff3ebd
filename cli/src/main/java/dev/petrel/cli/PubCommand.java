/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import dev.petrel.BackPressurePolicy;
import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.Publisher;
import dev.petrel.durability.DurableLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code petrel pub}: publishes messages on a subject, then exits once they are written to the network. Waits for
 * slow subscribers rather than dropping messages for them.
 */
@Command(name = "pub", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Publish messages on SUBJECT to the subscribers whose patterns match it.",
        "Without PAYLOAD or --size, each line of stdin is one message. PAYLOAD may contain {{seq}} (the message " +
            "number, from 1) and {{time}} (the ISO-8601 instant it is sent).",
        "With --connect, pub first waits up to 2s (or --timeout) for the subscription of each peer it connects " +
            "to, so 'petrel sub --bind X' then 'petrel pub --connect X' loses nothing. With --bind, use " +
            "--wait-subscribers N: messages published before a subscriber joins are not kept for it.",
        "Slow subscribers are waited for, not dropped. pub exits once what it sent is written to the network.",
        "With --log DIR the stream is durable: durable subscribers (sub --durable NAME) get every matching message " +
            "at least once, also what was published while they were away, and pub exits once every durable " +
            "subscriber the log knows acknowledged everything in it. A durable name met for the first time starts " +
            "with the messages published after it attaches: with --bind, use --wait-subscribers N."
    })
final class PubCommand implements Callable<Integer>
{
    private static final Duration CONNECT_WAIT_DEFAULT = Duration.ofSeconds(2);
    private static final Duration SUBSCRIBERS_WAIT_DEFAULT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "Subject, dot-separated tokens, e.g. orders.eu.new.")
    private String subject;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PAYLOAD", description = "Payload text; stdin if absent.")
    private String payload;

    @Mixin
    private EndpointOptions endpoints;

    @Mixin
    private SendOptions send;

    @Option(names = "--header", paramLabel = "K=V", description = "Add a header; repeatable.")
    private Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--wait-subscribers", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Wait for N subscribers before publishing; fail if they are not there within --timeout.")
    private Long waitSubscribers;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "How long to wait for subscribers (default 10s with --wait-subscribers, 2s when " +
            "connecting); with --log, also the longest wait for an acknowledgement before pub fails (default 10s).")
    private Duration timeout;

    @Mixin
    private DurableLogOptions durable;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        endpoints.check();
        final DurableLog.Context log = durable.context();
        if (null != log && !headers.isEmpty())
        {
            throw new ParameterException(spec.commandLine(), "--header cannot be used with --log: durable " +
                "messages carry no headers");
        }
        final PayloadSource payloads = send.payloads(payload);
        final PrintWriter err = spec.commandLine().getErr();
        try (Node node = NodeFactory.create())
        {
            final Publisher publisher = node.publisher().backPressure(BackPressurePolicy.BLOCK);
            if (null != log)
            {
                publisher.durable(log);
            }
            endpoints.attach(publisher::bind, publisher::connect, verbose.enabled());
            awaitSubscribers(publisher);
            final long[] delivered = new long[1];
            final long sent = send.sendLoop(payloads, err).run(bytes -> delivered[0] += publish(publisher, bytes));
            if (null != log)
            {
                awaitDurableSubscribers(publisher, sent, err);
            }
            else if (sent > 0 && 0 == delivered[0])
            {
                err.println("petrel: warning: no subscriber matched " + subject + "; " + sent +
                    " message(s) went nowhere");
            }
            else if (verbose.enabled())
            {
                err.println("petrel: published " + sent + " message(s) on " + subject);
            }
            err.flush();
        }
        return ExitCodes.OK;
    }

    private void awaitDurableSubscribers(final Publisher publisher, final long sent, final PrintWriter err)
    {
        if (publisher.durableSubscribers().isEmpty())
        {
            err.println("petrel: warning: the log knows no durable subscriber; " + sent + " message(s) stay in " +
                "the log, and a durable subscriber met later starts after them");
            return;
        }
        DurableAckWait.await(publisher::acknowledgedSequence, publisher.lastSequence(),
            null == timeout ? SUBSCRIBERS_WAIT_DEFAULT : timeout, "subscriber");
        if (verbose.enabled())
        {
            err.println("petrel: published " + sent + " message(s) on " + subject + ", acknowledged by " +
                String.join(", ", new TreeSet<>(publisher.durableSubscribers())));
        }
    }

    private int publish(final Publisher publisher, final byte[] bytes)
    {
        if (headers.isEmpty())
        {
            return publisher.publish(subject, bytes);
        }
        return publisher.publish(Message.builder().subject(subject).payload(bytes).headers(headers).build());
    }

    private void awaitSubscribers(final Publisher publisher)
    {
        if (null != waitSubscribers)
        {
            final Duration wait = null == timeout ? SUBSCRIBERS_WAIT_DEFAULT : timeout;
            final int wanted = (int)Math.min(waitSubscribers, Integer.MAX_VALUE);
            if (!publisher.awaitSubscribers(wanted, wait))
            {
                throw new CommandFailedException("no subscribers within " + DurationConverter.format(wait) +
                    " (" + publisher.subscriberCount() + " of " + wanted + " there)");
            }
        }
        else if (!endpoints.connects().isEmpty())
        {
            final Duration wait = null == timeout ? CONNECT_WAIT_DEFAULT : timeout;
            publisher.awaitSubscribers(endpoints.connects().size(), wait);
            if (0 == publisher.peerCount() && endpoints.binds().isEmpty())
            {
                throw new CommandFailedException("cannot reach " + String.join(", ", endpoints.connects()) +
                    " within " + DurationConverter.format(wait));
            }
        }
    }
}
