/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.NoRespondersException;
import dev.petrel.RemoteHandlerException;
import dev.petrel.RequestTimeoutException;
import dev.petrel.Requester;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code petrel req}: sends requests one at a time and prints each reply. Fails with one line when no replier is
 * reachable, a reply does not come in time, or the replier answers with an error.
 */
@Command(name = "req", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Send a request on SUBJECT to a replier and print the reply as '[#N] PAYLOAD', headers indented below.",
        "PAYLOAD may contain {{seq}} (the request number, from 1) and {{time}} (the ISO-8601 instant it is sent). " +
            "With --count N, the requests go one after another, each once the previous one is answered.",
        "req first waits up to 2s (or --timeout, if shorter) for the repliers it connects to. It exits 1 when " +
            "none is there, when a reply does not come within --timeout, or when the replier answers with an error."
    })
final class ReqCommand implements Callable<Integer>
{
    private static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(5);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(2);
    private static final Duration COMPLETION_MARGIN = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "Subject, dot-separated tokens, e.g. price.get.")
    private String subject;

    @Parameters(index = "1", paramLabel = "PAYLOAD", description = "Payload text.")
    private String payload;

    @Option(names = "--connect", required = true, paramLabel = "ENDPOINT", converter = EndpointConverter.class,
        description = "Connect to the replier at this endpoint (tcp://host:port or aeron:...); repeatable, " +
            "requests then go round-robin.")
    private List<String> connects;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "How long to wait for each reply (default 5s).")
    private Duration timeout = TIMEOUT_DEFAULT;

    @Option(names = "--count", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Requests to send (default 1).")
    private long count = 1;

    @ArgGroup(exclusive = true)
    private OutputFormatOptions format;

    @Option(names = "--header", paramLabel = "K=V", description = "Add a header to each request; repeatable.")
    private Map<String, String> headers = new LinkedHashMap<>();

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        final PayloadSource payloads = PayloadSource.repeat(new PayloadTemplate(payload), count);
        try (Node node = NodeFactory.create())
        {
            final Requester requester = node.requester();
            connect(requester);
            final MessagePrinter printer =
                new MessagePrinter(spec.commandLine().getOut(), OutputFormatOptions.of(format));
            long number = 0;
            byte[] bytes;
            while (null != (bytes = payloads.next()))
            {
                number++;
                printer.print(number, request(requester, number, bytes));
            }
        }
        return ExitCodes.OK;
    }

    private void connect(final Requester requester)
    {
        final PrintWriter err = spec.commandLine().getErr();
        for (final String endpoint : connects)
        {
            requester.connect(endpoint);
            if (verbose.enabled())
            {
                err.println("petrel: connecting to " + endpoint);
                err.flush();
            }
        }
        final Duration wait = timeout.compareTo(CONNECT_WAIT) < 0 ? timeout : CONNECT_WAIT;
        if (0 == PeerWait.await(requester::peerCount, connects.size(), wait))
        {
            throw noResponders(null);
        }
    }

    private Message request(final Requester requester, final long number, final byte[] bytes)
    {
        final Message request = headers.isEmpty() ? Message.of(subject, bytes) :
            Message.builder().subject(subject).payload(bytes).headers(headers).build();
        try
        {
            return requester.request(request, timeout, false)
                .get(timeout.plus(COMPLETION_MARGIN).toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted", ex);
        }
        catch (final TimeoutException ex)
        {
            throw noReply(number, ex);
        }
        catch (final ExecutionException ex)
        {
            throw failure(number, ex.getCause());
        }
    }

    private CommandFailedException failure(final long number, final Throwable cause)
    {
        if (cause instanceof RequestTimeoutException)
        {
            return noReply(number, cause);
        }
        if (cause instanceof NoRespondersException)
        {
            return noResponders(cause);
        }
        if (cause instanceof RemoteHandlerException)
        {
            return new CommandFailedException("replier error: " + cause.getMessage(), cause);
        }
        return new CommandFailedException(
            "request " + (count > 1 ? number + " " : "") + "to '" + subject + "' failed: " + cause.getMessage(), cause);
    }

    private CommandFailedException noReply(final long number, final Throwable cause)
    {
        return new CommandFailedException("no reply to '" + subject + "' within " + DurationConverter.format(timeout) +
            (count > 1 ? " (request " + number + " of " + count + ")" : ""), cause);
    }

    private CommandFailedException noResponders(final Throwable cause)
    {
        return new CommandFailedException(
            "no responders for '" + subject + "' at " + String.join(", ", connects), cause);
    }
}
