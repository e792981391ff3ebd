package dev.petrel;

import java.time.Duration;

import dev.petrel.test.Tests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SubscriptionBurstTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SUBSCRIPTIONS = 3_000;

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldDeliverEverySubscriptionOfABurstLargerThanTheHighWaterMark(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext().sendHighWaterMark(100)))
        {
            final Publisher publisher = node.publisher();
            final String endpoint = publisher.bind(Tests.bindEndpoint(transport));
            final Subscriber subscriber = node.subscriber();
            subscriber.connect(endpoint);
            Tests.await(() -> 1 == subscriber.peerCount(), TIMEOUT, "the publisher");
            final Subscription[] subscriptions = new Subscription[SUBSCRIPTIONS];
            for (int i = 0; i < SUBSCRIPTIONS; i++)
            {
                subscriptions[i] = subscriber.subscribe("burst." + i);
            }
            final String last = "burst." + (SUBSCRIPTIONS - 1);
            Tests.await(() -> publisher.publish(last, "probe") > 0, TIMEOUT, "the last subscription to arrive");
            assertNotNull(subscriber.receive(TIMEOUT));

            for (int i = 0; i < SUBSCRIPTIONS; i++)
            {
                subscriptions[i].close();
            }
            Tests.await(() -> 0 == publisher.subscriberCount(), TIMEOUT, "every cancellation to arrive");
            int probes = 0;
            while (null != subscriber.receive(Duration.ofMillis(50)))
            {
                probes++;
            }
            assertEquals(0, publisher.publish(last, "after"));
            assertNull(subscriber.receive(Duration.ofMillis(200)), "nothing after " + probes + " late probes");
        }
    }
}
