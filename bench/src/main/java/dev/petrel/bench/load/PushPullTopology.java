/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.ArrayList;
import java.util.List;

import dev.petrel.Node;
import dev.petrel.Puller;
import dev.petrel.Pusher;
import org.agrona.concurrent.NanoClock;

/**
 * Push/pull load: each puller binds and every pusher connects to every puller, so the pushers' round-robin shares
 * each pusher's messages across all pullers. Pushers block at the high-water mark; nothing is dropped.
 */
final class PushPullTopology implements LoadTopology
{
    private final List<Pusher> pushers = new ArrayList<>();
    private final List<ReceiverStats> receivers = new ArrayList<>();

    PushPullTopology(final LoadSettings settings, final Node sending, final Node receiving, final NanoClock clock)
    {
        final List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < settings.receivers(); i++)
        {
            final ReceiverStats stats = new ReceiverStats(clock);
            final Puller puller = receiving.puller().bufferHandler(stats);
            endpoints.add(puller.bind(settings.transport().bindEndpoint()));
            receivers.add(stats);
        }
        for (int i = 0; i < settings.senders(); i++)
        {
            final Pusher pusher = sending.pusher().sendTimeout(SEND_TIMEOUT);
            endpoints.forEach(pusher::connect);
            pushers.add(pusher);
        }
    }

    @Override
    public List<MessageSink> sinks()
    {
        final List<MessageSink> sinks = new ArrayList<>();
        for (final Pusher pusher : pushers)
        {
            sinks.add((payload, length) -> pusher.send(payload, 0, length));
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
        for (final Pusher pusher : pushers)
        {
            LoadTopology.await(() -> pusher.peerCount() >= receivers.size(), deadlineNs, "every puller to connect");
        }
    }
}
