package dev.petrel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.durability.DeadLetterDescriptor;
import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import dev.petrel.durability.LogReader;
import dev.petrel.test.AeronEndpoints;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.DeliveryCounts.assertEachOnce;
import static dev.petrel.test.DeliveryCounts.counter;
import static dev.petrel.test.DeliveryCounts.counting;
import static dev.petrel.test.DeliveryCounts.firstSegmentSequence;
import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Durable pub/sub between Petrel peers: a named durable subscriber gets everything its subscriptions match exactly
 * once (after dedup) across its own disconnects and restarts and the publisher's, subjects are filtered per
 * subscriber, plain subscribers keep working beside durable ones, and retention waits for every durable subscriber.
 */
class DurablePubSubTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private DurableLog.Context logContext()
    {
        return new DurableLog.Context().logDir(dir.resolve("log")).fsyncPolicy(FsyncPolicy.NEVER);
    }

    private static String endpointFor(final String transport)
    {
        switch (transport)
        {
            case "aeron-udp":
                return AeronEndpoints.bindEndpoint("udp");
            case "aeron-ipc":
                return AeronEndpoints.bindEndpoint("ipc");
            default:
                return Tests.bindEndpoint(transport);
        }
    }

    private Subscriber durableSubscriber(
        final Node node, final String name, final String pattern, final MessageHandler handler)
    {
        final Subscriber subscriber = node.subscriber().durable(name, dir.resolve(name));
        subscriber.subscribe(pattern, handler);
        return subscriber;
    }

    private static void publishRange(final Publisher publisher, final String subject, final int from, final int to)
    {
        for (int i = from; i <= to; i++)
        {
            publisher.publish(subject, Integer.toString(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc", "aeron-ipc", "aeron-udp" })
    void shouldDeliverWhatADurableSubscriberMissedWhileAwayExactlyOnce(final String transport)
    {
        final Map<Integer, AtomicInteger> counts = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind(endpointFor(transport));
            Subscriber subscriber = durableSubscriber(node, "audit", "orders.>", counting(counts));
            subscriber.connect(endpoint);
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
            publishRange(publisher, "orders.eu", 1, 100);
            await(() -> counts.size() >= 40, TIMEOUT, "a first share");
            subscriber.close();
            publishRange(publisher, "orders.eu", 101, 300);
            assertTrue(publisher.acknowledgedSequence("audit") < 300, "nothing acknowledged while away");

            subscriber = durableSubscriber(node, "audit", "orders.>", counting(counts));
            subscriber.connect(endpoint);
            await(() -> 300 == publisher.acknowledgedSequence("audit"), TIMEOUT, "every message acknowledged");
            assertEachOnce(counts, 300);
        }
    }

    @Test
    void shouldProcessEveryMessageOnceWhenTheSubscriberRestartsWhilePublishingGoesOn() throws InterruptedException
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final int total = 3000;
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            Subscriber subscriber = durableSubscriber(node, "audit", "orders.>", counting(counts));
            subscriber.connect(endpoint);
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
            final Thread publishing = new Thread(() -> publishRange(publisher, "orders.eu", 1, total));
            publishing.start();
            for (int restart = 1; restart <= 3; restart++)
            {
                final int share = restart * total / 5;
                await(() -> counts.size() >= share, TIMEOUT, "a share of " + share);
                subscriber.close();
                subscriber = durableSubscriber(node, "audit", "orders.>", counting(counts));
                subscriber.connect(endpoint);
            }
            publishing.join(TIMEOUT.toMillis());
            await(() -> total == publisher.acknowledgedSequence("audit"), TIMEOUT, "every message acknowledged");
            assertEachOnce(counts, total);
        }
    }

    @Test
    void shouldResumeWhereTheNameLeftOffWhenTheSubscriberRestartsInANewNode()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            for (int round = 0; round < 3; round++)
            {
                try (Node subscriberNode = Node.create(Tests.fastContext()))
                {
                    durableSubscriber(subscriberNode, "audit", "orders.>", counting(counts)).connect(endpoint);
                    assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
                    publishRange(publisher, "orders.eu", round * 100 + 1, round * 100 + 100);
                    final long last = publisher.lastSequence();
                    await(() -> last == publisher.acknowledgedSequence("audit"), TIMEOUT, "round " + round);
                }
                await(() -> 0 == publisher.subscriberCount(), TIMEOUT, "the subscriber gone");
                publishRange(publisher, "orders.us", 1001 + round * 10, 1010 + round * 10);
            }
            try (Node subscriberNode = Node.create(Tests.fastContext()))
            {
                durableSubscriber(subscriberNode, "audit", "orders.>", counting(counts)).connect(endpoint);
                await(() -> 330 == publisher.acknowledgedSequence("audit"), TIMEOUT, "the last ten");
            }
        }
        assertEachOnce(counts, 330);
    }

    @Test
    void shouldDeliverOnlyMatchingSubjectsToEachDurableSubscriberAndMovePastTheRest()
    {
        final List<String> eu = new ArrayList<>();
        final List<String> news = new ArrayList<>();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final Subscriber euSubscriber = node.subscriber().durable("eu", dir.resolve("eu"));
            euSubscriber.subscribe("orders.eu.>", m -> eu.add(m.subject()));
            euSubscriber.connect(endpoint);
            final Subscriber newSubscriber = node.subscriber().durable("new", dir.resolve("new"));
            newSubscriber.subscribe("orders.*.new", m -> news.add(m.subject()));
            newSubscriber.subscribe("end", m -> news.add(m.subject()));
            newSubscriber.connect(endpoint);
            assertTrue(publisher.awaitSubscribers(2, TIMEOUT));

            for (final String subject : List.of(
                "orders.eu.new", "orders.us.new", "orders.eu.old", "orders.eu.new.x", "billing.eu.new", "end"))
            {
                publisher.publish(subject, "x");
            }
            await(() -> 6 == publisher.acknowledgedSequence("eu") && 6 == publisher.acknowledgedSequence("new"),
                TIMEOUT, "both positions past every message, matching or not");
            assertEquals(List.of("orders.eu.new", "orders.eu.old", "orders.eu.new.x"), eu);
            assertEquals(List.of("orders.eu.new", "orders.us.new", "end"), news);
        }
    }

    @Test
    void shouldKeepPublishingToAPlainSubscriberBesideADurableOne()
    {
        final Map<Integer, AtomicInteger> durableCounts = counter();
        final Map<Integer, AtomicInteger> plainCounts = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final Subscriber plain = node.subscriber();
            plain.subscribe("orders.>", counting(plainCounts));
            plain.connect(endpoint);
            durableSubscriber(node, "audit", "orders.>", counting(durableCounts)).connect(endpoint);
            assertTrue(publisher.awaitSubscribers(2, TIMEOUT));

            int queuedFor = 0;
            for (int i = 1; i <= 200; i++)
            {
                queuedFor += publisher.publish("orders.eu", Integer.toString(i));
            }
            assertEquals(200, queuedFor, "publish counts the plain subscriber only");
            await(() -> 200 == publisher.acknowledgedSequence("audit"), TIMEOUT, "the durable subscriber");
            await(() -> 200 == plainCounts.size(), TIMEOUT, "the plain subscriber");
            assertEachOnce(durableCounts, 200);
            assertEachOnce(plainCounts, 200);
        }
    }

    @Test
    void shouldShareANamesMessagesAmongItsConnectionsAndAcknowledgeWhatAPollHandlerTook()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final Subscriber polled = node.subscriber().durable("workers", dir.resolve("polled"));
            polled.subscribe("jobs.>");
            polled.connect(endpoint);
            durableSubscriber(node, "workers", "jobs.>", counting(counts)).connect(endpoint);
            assertTrue(publisher.awaitSubscribers(2, TIMEOUT));
            publishRange(publisher, "jobs.build", 1, 400);
            final MessageHandler counting = counting(counts);
            final AtomicInteger polledCount = new AtomicInteger();
            await(() ->
            {
                polledCount.addAndGet(polled.poll(counting, 100));
                return 400 == publisher.acknowledgedSequence("workers");
            }, TIMEOUT, "every job acknowledged");
            assertEachOnce(counts, 400);
            assertTrue(polledCount.get() > 0 && polledCount.get() < 400, "shared: " + polledCount + " polled");
            assertEquals(Set.of("workers"), publisher.durableSubscribers());
        }
    }

    @Test
    void shouldKeepForADurableSubscriberWithoutSubscriptionsWhatItSubscribesToLater()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final int total = InFlightWindow.CAPACITY + 500;
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext())
                .sendHighWaterMark(10).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final Subscriber late = node.subscriber().durable("late", dir.resolve("late"));
            late.connect(endpoint);
            await(() -> publisher.durableSubscribers().contains("late"), TIMEOUT, "the attach");
            publishRange(publisher, "data", 1, total);
            assertEquals(0, publisher.acknowledgedSequence("late"), "nothing sent or skipped before it subscribes");
            late.subscribe("data", counting(counts));
            await(() -> total == publisher.acknowledgedSequence("late"), TIMEOUT, "everything it subscribed to");
            assertEachOnce(counts, total);
        }
    }

    @Test
    void shouldRedeliverAfterTheTimeoutWhatAConnectionOfTheNameHoldsUnacknowledged()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher =
                node.publisher().durable(logContext()).redeliveryTimeout(Duration.ofMillis(100));
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final Subscriber silent = node.subscriber().durable("audit", dir.resolve("silent"));
            silent.subscribe("orders.>");
            silent.connect(endpoint);
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
            publisher.publish("orders.eu", "1");
            assertNotNull(silent.receive(TIMEOUT));
            durableSubscriber(node, "audit", "orders.>", counting(counts)).connect(endpoint);
            await(() -> 1 == publisher.acknowledgedSequence("audit"), TIMEOUT, "acknowledged by the other connection");
            assertEachOnce(counts, 1);
        }
    }

    @Test
    void shouldResumeDeliveryFromTheLogWhenThePublisherRestarts()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final String endpoint = "tcp://127.0.0.1:" + Tests.freePort();
        try (Node subscriberNode = Node.create(Tests.fastContext()))
        {
            Subscriber subscriber = durableSubscriber(subscriberNode, "audit", "orders.>", counting(counts));
            subscriber.connect(endpoint);
            try (Node node = Node.create(Tests.fastContext()))
            {
                final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
                publisher.bind(endpoint);
                assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
                publishRange(publisher, "orders.eu", 1, 50);
                await(() -> 50 == publisher.acknowledgedSequence("audit"), TIMEOUT, "the first 50");
                subscriber.close();
                await(() -> 0 == publisher.subscriberCount(), TIMEOUT, "the subscriber gone");
                publishRange(publisher, "orders.eu", 51, 100);
            }
            subscriber = durableSubscriber(subscriberNode, "audit", "orders.>", counting(counts));
            subscriber.connect(endpoint);
            try (Node node = Node.create(Tests.fastContext()))
            {
                final Publisher publisher = node.publisher().durable(logContext()).sendTimeout(TIMEOUT);
                publisher.bind(endpoint);
                assertEquals(50, publisher.acknowledgedSequence("audit"), "the position kept in the log");
                assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
                publishRange(publisher, "orders.eu", 101, 150);
                await(() -> 150 == publisher.acknowledgedSequence("audit"), TIMEOUT, "the rest");
            }
        }
        assertEachOnce(counts, 150);
    }

    @Test
    void shouldMoveAMessageThatKeepsFailingToTheDeadLetterLogForThatSubscriberOnly()
    {
        final Map<Integer, AtomicInteger> picky = counter();
        final Map<Integer, AtomicInteger> relaxed = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext())
                .redeliveryTimeout(Duration.ofMillis(50)).maxDeliveries(3);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final MessageHandler countPicky = counting(picky);
            durableSubscriber(node, "picky", "orders.>", m ->
            {
                if ("2".equals(m.payloadAsString()))
                {
                    throw new IllegalStateException("poison");
                }
                countPicky.onMessage(m);
            }).connect(endpoint);
            durableSubscriber(node, "relaxed", "orders.>", counting(relaxed)).connect(endpoint);
            assertTrue(publisher.awaitSubscribers(2, TIMEOUT));
            publishRange(publisher, "orders.eu", 1, 3);
            await(() -> 3 == publisher.acknowledgedSequence("picky") && 3 == publisher.acknowledgedSequence("relaxed"),
                TIMEOUT, "every message settled for both");
        }
        assertEquals(Set.of(1, 3), new TreeSet<>(picky.keySet()));
        assertEachOnce(relaxed, 3);
        try (DurableLog deadLetters = DurableLog.open(new DurableLog.Context().logDir(dir.resolve("log/dead-letter")));
            LogReader reader = deadLetters.reader(1))
        {
            final List<String> found = new ArrayList<>();
            reader.poll((buffer, offset, length, sequence, timestampNs) -> found.add(
                DeadLetterDescriptor.originalSequence(buffer, offset) + ": " +
                DeadLetterDescriptor.reason(buffer, offset)), 10);
            assertEquals(List.of("2: not acknowledged after 3 deliveries to durable receiver 'picky'"), found);
        }
    }

    @Test
    void shouldFreeSegmentsOnlyOnceEveryDurableSubscriberAcknowledgedThem() throws IOException
    {
        final byte[] payload = new byte[1000];
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher()
                .durable(logContext().segmentLength(4096).maxPayloadLength(2048)).sendTimeout(TIMEOUT);
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final Subscriber fast = node.subscriber().durable("fast", dir.resolve("fast"));
            fast.subscribe("data", m -> { });
            fast.connect(endpoint);
            final Subscriber elsewhere = node.subscriber().durable("elsewhere", dir.resolve("elsewhere"));
            elsewhere.subscribe("other.>", m -> { });
            elsewhere.connect(endpoint);
            final Subscriber slow = node.subscriber().durable("slow", dir.resolve("slow"));
            slow.subscribe("data");
            slow.connect(endpoint);
            assertTrue(publisher.awaitSubscribers(3, TIMEOUT));
            final List<Message> taken = new ArrayList<>();
            for (int i = 0; i < 20; i++)
            {
                publisher.publish("data", payload);
                taken.add(slow.receive(TIMEOUT));
            }
            await(() -> 20 == publisher.acknowledgedSequence("fast") &&
                20 == publisher.acknowledgedSequence("elsewhere"), TIMEOUT, "fast and filtered-out positions");
            assertEquals(1, firstSegmentSequence(dir.resolve("log")),
                "segments kept while the slow subscriber acknowledged nothing");
            taken.subList(0, 10).forEach(slow::ack);
            await(() -> 10 == publisher.acknowledgedSequence("slow"), TIMEOUT, "ten acknowledged by the slow one");
            for (int i = 0; i < 4; i++)
            {
                publisher.publish("data", payload);
            }
            final long first = firstSegmentSequence(dir.resolve("log"));
            assertTrue(first > 1 && first <= 11, "first segment kept starts at " + first);
        }
    }

    @Test
    void shouldPushBackInsteadOfDroppingWhenAConnectedDurableSubscriberFallsBehind()
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher().durable(logContext())
                .sendHighWaterMark(10).sendTimeout(Duration.ofMillis(300));
            final String endpoint = publisher.bind("tcp://127.0.0.1:0");
            final Subscriber stalled = node.subscriber().durable("stalled", dir.resolve("stalled"));
            stalled.subscribe("data");
            stalled.connect(endpoint);
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
            final BackPressureException thrown = assertThrows(BackPressureException.class, () ->
            {
                for (int i = 0; i < InFlightWindow.CAPACITY + 100; i++)
                {
                    publisher.publish("data", "x");
                }
            });
            assertTrue(thrown.getMessage().contains("durable subscriber"), thrown.getMessage());
            assertEquals(0, publisher.stats().dropped(), "nothing dropped");
            stalled.close();
            await(() -> 0 == publisher.subscriberCount(), TIMEOUT, "the stalled subscriber gone");
            publishRange(publisher, "data", 1, 100);
        }
    }
}
