/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.ArrayList;
import java.util.List;

import dev.petrel.BackPressurePolicy;
import dev.petrel.Node;
import dev.petrel.Publisher;
import dev.petrel.Subscriber;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Pub/sub load: each publisher binds, and every subscriber connects to every publisher and subscribes to all load
 * subjects, so each message reaches every subscriber. Publishers wait for a slow subscriber (up to the send
 * timeout) rather than drop, so a run measures delivery, not loss.
 */
final class PubSubTopology implements LoadTopology
{
    private final List<Publisher> publishers = new ArrayList<>();
    private final List<ReceiverStats> receivers = new ArrayList<>();
    private final int length;

    PubSubTopology(final LoadSettings settings, final Node sending, final Node receiving, final NanoClock clock)
    {
        length = settings.messageLength();
        final List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < settings.senders(); i++)
        {
            final Publisher publisher = sending.publisher()
                .backPressure(BackPressurePolicy.BLOCK)
                .sendTimeout(SEND_TIMEOUT);
            endpoints.add(publisher.bind(settings.transport().bindEndpoint()));
            publishers.add(publisher);
        }
        for (int i = 0; i < settings.receivers(); i++)
        {
            final ReceiverStats stats = new ReceiverStats(clock);
            final Subscriber subscriber = receiving.subscriber();
            subscriber.subscribe("bench.>", stats);
            endpoints.forEach(subscriber::connect);
            receivers.add(stats);
        }
    }

    @Override
    public List<MessageSink> sinks()
    {
        final List<MessageSink> sinks = new ArrayList<>();
        for (final Publisher publisher : publishers)
        {
            sinks.add((payload, messageLength) -> publisher.publish(SUBJECT, payload, 0, messageLength));
        }
        return sinks;
    }

    @Override
    public List<ReceiverStats> receivers()
    {
        return receivers;
    }

    @Override
    public long failures()
    {
        return 0;
    }

    @Override
    public void awaitReady(final long deadlineNs)
    {
        final UnsafeBuffer probe = new UnsafeBuffer(new byte[length]);
        probe.putByte(StampDescriptor.PHASE_OFFSET, StampDescriptor.PHASE_PROBE);
        for (final Publisher publisher : publishers)
        {
            LoadTopology.await(() -> publisher.publish(SUBJECT, probe, 0, length) >= receivers.size(), deadlineNs,
                "every subscriber to join");
        }
    }
}
