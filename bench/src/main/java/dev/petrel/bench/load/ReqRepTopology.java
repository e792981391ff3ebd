/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.Requester;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Request/reply load: one replier binds and echoes every request; each requester connects to it and keeps up to
 * the in-flight limit of requests outstanding (a further request waits for a reply). Each requester records the
 * round trip of its replies. The request API takes a byte array, so each request copies its payload once.
 */
final class ReqRepTopology implements LoadTopology
{
    private final List<Requester> requesters = new ArrayList<>();
    private final List<ReceiverStats> receivers = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();

    ReqRepTopology(final LoadSettings settings, final Node sending, final Node receiving, final NanoClock clock)
    {
        final String endpoint = receiving.replier()
            .handle("bench.>", request -> request)
            .bind(settings.transport().bindEndpoint());
        for (int i = 0; i < settings.senders(); i++)
        {
            final Requester requester = sending.requester()
                .maxInFlight(settings.inFlight())
                .sendTimeout(SEND_TIMEOUT);
            requester.connect(endpoint);
            requesters.add(requester);
            receivers.add(new ReceiverStats(clock));
        }
    }

    @Override
    public List<MessageSink> sinks()
    {
        final List<MessageSink> sinks = new ArrayList<>();
        for (int i = 0; i < requesters.size(); i++)
        {
            final Requester requester = requesters.get(i);
            final ReceiverStats stats = receivers.get(i);
            sinks.add((payload, length) -> request(requester, stats, payload, length));
        }
        return sinks;
    }

    private void request(
        final Requester requester, final ReceiverStats stats, final DirectBuffer payload,
        final int length)
    {
        final byte[] bytes = new byte[length];
        payload.getBytes(0, bytes);
        requester.request(Message.of(SUBJECT, bytes), SEND_TIMEOUT, false).whenComplete((reply, error) ->
        {
            if (null == error)
            {
                final byte[] echoed = reply.payload();
                stats.onMessage(new UnsafeBuffer(echoed), 0, echoed.length);
            }
            else
            {
                failures.incrementAndGet();
            }
        });
    }

    @Override
    public List<ReceiverStats> receivers()
    {
        return receivers;
    }

    @Override
    public long failures()
    {
        return failures.get();
    }

    @Override
    public void awaitReady(final long deadlineNs)
    {
        for (final Requester requester : requesters)
        {
            LoadTopology.await(() -> requester.peerCount() >= 1, deadlineNs, "the replier to accept requesters");
        }
    }
}
