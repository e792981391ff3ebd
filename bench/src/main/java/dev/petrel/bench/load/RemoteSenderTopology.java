/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.BackPressurePolicy;
import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.Publisher;
import dev.petrel.Pusher;
import dev.petrel.Requester;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The sending side of a two-process workload: one publisher, pusher or requester connected to a receiving process.
 * A publisher waits for {@link LoadSettings#receivers()} subscribers; the others for one peer.
 */
final class RemoteSenderTopology implements LoadTopology
{
    private final LoadRole role;
    private final int length;
    private final int subscribers;
    private final ReceiverStats replies;
    private final AtomicLong failures = new AtomicLong();
    private final Publisher publisher;
    private final Pusher pusher;
    private final Requester requester;

    RemoteSenderTopology(
        final LoadRole role, final String endpoint, final Node node, final LoadSettings settings,
        final NanoClock clock)
    {
        this.role = role;
        this.length = settings.messageLength();
        this.subscribers = settings.receivers();
        this.replies = new ReceiverStats(clock);
        publisher = LoadRole.PUB == role ?
            node.publisher().backPressure(BackPressurePolicy.BLOCK).sendTimeout(SEND_TIMEOUT) : null;
        pusher = LoadRole.PUSHER == role ? node.pusher().sendTimeout(SEND_TIMEOUT) : null;
        requester = LoadRole.REQUESTER == role ?
            node.requester().maxInFlight(settings.inFlight()).sendTimeout(SEND_TIMEOUT) : null;
        switch (role)
        {
            case PUB -> publisher.connect(endpoint);
            case PUSHER -> pusher.connect(endpoint);
            case REQUESTER -> requester.connect(endpoint);
            default -> throw new IllegalArgumentException(role.label() + " is not a sending role");
        }
    }

    @Override
    public List<MessageSink> sinks()
    {
        final MessageSink sink = switch (role)
        {
            case PUB -> (payload, messageLength) -> publisher.publish(SUBJECT, payload, 0, messageLength);
            case PUSHER -> (payload, messageLength) -> pusher.send(payload, 0, messageLength);
            default -> this::request;
        };
        return List.of(sink);
    }

    private void request(final DirectBuffer payload, final int messageLength)
    {
        final byte[] bytes = new byte[messageLength];
        payload.getBytes(0, bytes);
        requester.request(Message.of(SUBJECT, bytes), SEND_TIMEOUT, false).whenComplete((reply, error) ->
        {
            if (null == error)
            {
                final byte[] echoed = reply.payload();
                replies.onMessage(new UnsafeBuffer(echoed), 0, echoed.length);
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
        return LoadRole.REQUESTER == role ? List.of(replies) : List.of();
    }

    @Override
    public long failures()
    {
        return failures.get();
    }

    @Override
    public void awaitReady(final long deadlineNs)
    {
        switch (role)
        {
            case PUB ->
            {
                final UnsafeBuffer probe = new UnsafeBuffer(new byte[length]);
                probe.putByte(StampDescriptor.PHASE_OFFSET, StampDescriptor.PHASE_PROBE);
                LoadTopology.await(() -> publisher.publish(SUBJECT, probe, 0, length) >= subscribers, deadlineNs,
                    subscribers + " subscriber(s)");
            }
            case PUSHER -> LoadTopology.await(() -> pusher.peerCount() >= 1, deadlineNs, "a puller");
            default -> LoadTopology.await(() -> requester.peerCount() >= 1, deadlineNs, "a replier");
        }
    }
}
