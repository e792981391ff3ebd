/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import dev.petrel.Node;
import dev.petrel.Puller;
import dev.petrel.Pusher;

/**
 * The demo's push/pull run: one puller with a callback, one pusher (whose sends wait for the puller).
 */
final class PushPullDemo implements DemoPattern
{
    @Override
    public String label()
    {
        return "push/pull";
    }

    @Override
    public DemoSender open(
        final Node receiving, final Node sending, final String endpoint, final LatencyRecorder recorder)
    {
        final Puller puller = receiving.puller().handler(recorder::onMessage);
        final String bound = puller.bind(endpoint);
        final Pusher pusher = sending.pusher();
        pusher.connect(bound);
        return (payload, length) -> pusher.send(payload, 0, length);
    }
}
