package dev.petrel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.petrel.test.Tests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Pub/sub between Petrel peers, each scenario over TCP and inproc: subject wildcards, queue groups, headers and
 * slow subscribers.
 */
class PubSubTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldMatchSingleTokenAndTrailingWildcards(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher();
            final String endpoint = publisher.bind(Tests.bindEndpoint(transport));
            final Subscriber subscriber = node.subscriber();
            subscriber.connect(endpoint);
            subscriber.subscribe("orders.*.new");
            subscriber.subscribe("metrics.>");
            subscriber.subscribe("end");
            subscriber.subscribe("ready");
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
            await(() -> publishedTo(publisher, "ready"), TIMEOUT, "every subscription");

            final List<String> matching = List.of("orders.eu.new", "orders.us.new", "metrics.cpu", "metrics.cpu.core1");
            final List<String> others =
                List.of("orders.new", "orders.eu.old", "orders.eu.new.x", "metrics", "metric.x");
            for (int i = 0; i < matching.size(); i++)
            {
                publisher.publish(others.get(i), "no");
                publisher.publish(matching.get(i), "yes");
            }
            publisher.publish(others.get(others.size() - 1), "no");
            publisher.publish("end", "end");

            final List<String> received = new ArrayList<>();
            Message message;
            while (!"end".equals((message = subscriber.receive(TIMEOUT)).subject()))
            {
                if ("ready".equals(message.subject()))
                {
                    continue;
                }
                assertEquals("yes", message.payloadAsString(), message.subject() + " should not match");
                received.add(message.subject());
            }
            assertEquals(matching, received);
        }
    }

    /**
     * Publishes a probe and says whether a subscriber got it, to know a subscription has reached the publisher.
     */
    private static boolean publishedTo(final Publisher publisher, final String subject)
    {
        return 1 == publisher.publish(subject, "probe");
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldGiveEachMessageToOneMemberOfEachQueueGroup(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher();
            final String endpoint = publisher.bind(Tests.bindEndpoint(transport));
            final List<List<String>> workers = List.of(member(node, endpoint, "workers"),
                member(node, endpoint, "workers"));
            final List<List<String>> auditors = List.of(member(node, endpoint, "auditors"),
                member(node, endpoint, "auditors"));
            assertTrue(publisher.awaitSubscribers(4, TIMEOUT));

            final int total = 200;
            for (int i = 0; i < total; i++)
            {
                assertEquals(2, publisher.publish("jobs.eu." + i, "job-" + i), "one copy per group");
            }
            for (final List<List<String>> group : List.of(workers, auditors))
            {
                await(() -> total == group.get(0).size() + group.get(1).size(), TIMEOUT, "every job in the group");
                final Set<String> union = new HashSet<>(group.get(0));
                union.addAll(group.get(1));
                assertEquals(total, union.size(), "no job twice within a group");
                assertFalse(group.get(0).isEmpty() || group.get(1).isEmpty(), "both members get work");
            }
        }
    }

    private static List<String> member(final Node node, final String endpoint, final String group)
    {
        final List<String> received = new CopyOnWriteArrayList<>();
        final Subscriber subscriber = node.subscriber();
        subscriber.connect(endpoint);
        subscriber.subscribe("jobs.>", group, m -> received.add(m.payloadAsString()));
        return received;
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldCarryHeadersToPetrelSubscribers(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher();
            final String endpoint = publisher.bind(Tests.bindEndpoint(transport));
            final Subscriber subscriber = node.subscriber();
            subscriber.connect(endpoint);
            subscriber.subscribe("prices.>");
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT));

            publisher.publish(Message.builder().subject("prices.eur").payload("1.08")
                .header("source", "ecb").header("unit", "usd").build());
            final Message message = subscriber.receive(TIMEOUT);
            assertNotNull(message);
            assertEquals("prices.eur", message.subject());
            assertEquals("1.08", message.payloadAsString());
            assertEquals(Map.of("source", "ecb", "unit", "usd"), message.headers());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldDropForASlowSubscriberAndCountTheDropsWhileAFastOneGetsEverything(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher();
            final String endpoint = publisher.bind(Tests.bindEndpoint(transport));
            final Subscriber slow = node.subscriber().receiveHighWaterMark(4);
            slow.connect(endpoint);
            slow.subscribe("ticks");
            final List<String> fastReceived = new CopyOnWriteArrayList<>();
            final Subscriber fast = node.subscriber();
            fast.connect(endpoint);
            fast.subscribe("ticks", m -> fastReceived.add(m.payloadAsString()));
            assertTrue(publisher.awaitSubscribers(2, TIMEOUT));

            final int total = 500;
            for (int i = 0; i < total; i++)
            {
                publisher.publish("ticks", "tick-" + i);
            }
            await(() -> total == fastReceived.size(), TIMEOUT, "every tick at the fast subscriber");
            // The slow subscriber's connection may still be delivering: polling before it has finished would make
            // room in its queue and keep more.
            await(() -> slow.stats().dropped() + publisher.stats().dropped() >= total - 8, TIMEOUT,
                "the slow subscriber's queue full and the rest dropped");

            final int[] kept = new int[1];
            await(() ->
            {
                kept[0] += slow.poll(m -> { }, 100);
                return total == kept[0] + slow.stats().dropped() + publisher.stats().dropped();
            }, TIMEOUT, "every tick kept or counted as dropped");
            assertTrue(kept[0] <= 8, "a slow subscriber keeps only what its queue holds: " + kept[0]);
            final SocketStats stats = slow.stats();
            assertEquals(1, stats.dropsByPeer().size());
            assertEquals(Map.of(DropReason.RECEIVE_QUEUE_FULL, stats.dropped()),
                stats.dropsByPeer().values().iterator().next());
        }
    }
}
