/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.Replier;
import dev.petrel.Requester;
import org.agrona.DirectBuffer;

/**
 * The demo's request/reply run: a replier echoing each request, and a requester with one request in flight, so
 * each latency is a true round trip as a blocking caller sees it.
 */
final class RequestReplyDemo implements DemoPattern
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String label()
    {
        return "req/reply";
    }

    @Override
    public DemoSender open(
        final Node receiving, final Node sending, final String endpoint, final LatencyRecorder recorder)
    {
        final Replier replier = receiving.replier().handle("demo.>", request -> request);
        final String bound = replier.bind(endpoint);
        final Requester requester = sending.requester();
        requester.connect(bound);
        if (0 == PeerWait.await(requester::peerCount, 1, TIMEOUT))
        {
            throw new CommandFailedException("demo requester could not reach " + bound);
        }
        return (payload, length) -> recorder.onMessage(roundTrip(requester, copy(payload, length)));
    }

    private static Message roundTrip(final Requester requester, final byte[] payload)
    {
        try
        {
            return requester.request(Message.of("demo.echo", payload), TIMEOUT, false)
                .get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            throw new CommandFailedException(String.valueOf(ex.getCause().getMessage()), ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new CommandFailedException("no reply within " + DurationConverter.format(TIMEOUT), ex);
        }
    }

    private static byte[] copy(final DirectBuffer payload, final int length)
    {
        final byte[] bytes = new byte[length];
        payload.getBytes(0, bytes);
        return bytes;
    }
}
