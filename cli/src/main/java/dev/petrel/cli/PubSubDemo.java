/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;

import dev.petrel.BackPressurePolicy;
import dev.petrel.Node;
import dev.petrel.Publisher;
import dev.petrel.Subscriber;

/**
 * The demo's pub/sub run: one subscriber with a callback, one publisher that waits for room rather than drop.
 */
final class PubSubDemo implements DemoPattern
{
    private static final String SUBJECT = "demo.tick";

    @Override
    public String label()
    {
        return "pub/sub";
    }

    @Override
    public DemoSender open(
        final Node receiving, final Node sending, final String endpoint, final LatencyRecorder recorder)
    {
        final Subscriber subscriber = receiving.subscriber();
        subscriber.subscribe("demo.>", recorder::onMessage);
        final String bound = subscriber.bind(endpoint);
        final Publisher publisher = sending.publisher().backPressure(BackPressurePolicy.BLOCK);
        publisher.connect(bound);
        if (!publisher.awaitSubscribers(1, Duration.ofSeconds(5)))
        {
            throw new CommandFailedException("demo subscriber did not join within 5s on " + bound);
        }
        return (payload, length) -> publisher.publish(SUBJECT, payload, 0, length);
    }
}
