/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.Replier;
import dev.petrel.Requester;
import org.agrona.DirectBuffer;

/**
 * The demo's request/reply run: a replier echoing each request, and a requester keeping a bounded number of
 * requests in flight. Latency here is the round trip.
 */
final class RequestReplyDemo implements DemoPattern
{
    private static final int IN_FLIGHT = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(1);

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
        awaitPeer(requester, bound);
        final Semaphore permits = new Semaphore(IN_FLIGHT);
        return (payload, length) -> request(requester, permits, recorder, copy(payload, length));
    }

    private static void request(
        final Requester requester, final Semaphore permits, final LatencyRecorder recorder, final byte[] payload)
    {
        try
        {
            if (!permits.tryAcquire(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS))
            {
                throw new CommandFailedException("no reply within " + DurationConverter.format(TIMEOUT));
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted");
        }
        requester.request(Message.of("demo.echo", payload), TIMEOUT, false).whenComplete((reply, error) ->
        {
            permits.release();
            if (null == error)
            {
                recorder.onMessage(reply);
            }
            else
            {
                recorder.onFailure(error);
            }
        });
    }

    private static byte[] copy(final DirectBuffer payload, final int length)
    {
        final byte[] bytes = new byte[length];
        payload.getBytes(0, bytes);
        return bytes;
    }

    private static void awaitPeer(final Requester requester, final String endpoint)
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (0 == requester.peerCount())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new CommandFailedException("demo requester could not reach " + endpoint);
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }
}
