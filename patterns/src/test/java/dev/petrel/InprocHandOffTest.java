package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.petrel.test.Tests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages sent as {@link Message}s between sockets of one node over {@code inproc://} arrive as the same payload
 * array, uncopied; over TCP the same calls deliver a copy. Order, headers, back pressure and subscription targeting
 * stay as on every other transport.
 */
class InprocHandOffTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ParameterizedTest
    @ValueSource(strings = { "inproc", "tcp" })
    void shouldHandThePayloadArrayToAPullerOnlyInProcess(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher();
            final Puller puller = node.puller();
            puller.connect(pusher.bind(Tests.bindEndpoint(transport)));
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");

            final byte[] payload = "shared".getBytes(StandardCharsets.UTF_8);
            pusher.send(Message.builder().payload(payload).header("k", "v").build());
            final Message received = puller.receive(TIMEOUT);

            assertArrayEquals(payload, received.payload());
            assertEquals("v", received.header("k"));
            if ("inproc".equals(transport))
            {
                assertSame(payload, received.payload());
            }
            else
            {
                assertNotSame(payload, received.payload());
            }
        }
    }

    @Test
    void shouldKeepOrderWhenObjectsAndEncodedMessagesInterleave()
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher();
            final Puller puller = node.puller().receiveHighWaterMark(16);
            puller.connect(pusher.bind(Tests.uniqueInproc()));
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");

            final int total = 5_000;
            final Thread sender = new Thread(() ->
            {
                for (int i = 0; i < total; i++)
                {
                    final byte[] body = Integer.toString(i).getBytes(StandardCharsets.UTF_8);
                    if (0 == i % 3)
                    {
                        pusher.send(body);
                    }
                    else
                    {
                        pusher.send(Message.builder().payload(body).build());
                    }
                }
            });
            sender.start();
            for (int i = 0; i < total; i++)
            {
                final Message message = puller.receive(TIMEOUT);
                assertEquals(Integer.toString(i), null == message ? "nothing" : message.payloadAsString());
            }
        }
    }

    @Test
    void shouldDeliverOneSharedMessageToEachMatchingSubscriptionOnly()
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher();
            final String endpoint = publisher.bind(Tests.uniqueInproc());
            final List<Message> wildcard = new CopyOnWriteArrayList<>();
            final List<Message> exact = new CopyOnWriteArrayList<>();
            final List<Message> other = new CopyOnWriteArrayList<>();
            final List<String> views = new CopyOnWriteArrayList<>();
            final Subscriber first = node.subscriber();
            first.subscribe("orders.*.new", wildcard::add);
            first.subscribe("orders.eu.new", (buffer, offset, length) ->
                views.add(buffer.getStringWithoutLengthUtf8(offset, length)));
            first.connect(endpoint);
            final Subscriber second = node.subscriber();
            second.subscribe("orders.eu.new", exact::add);
            second.subscribe("payments.>", other::add);
            second.connect(endpoint);
            await(() -> publisher.awaitSubscribers(2, Duration.ZERO), TIMEOUT, "two subscribers");

            final byte[] payload = "order-1".getBytes(StandardCharsets.UTF_8);
            publisher.publish(Message.builder().subject("orders.eu.new").payload(payload).header("id", "1").build());
            await(() -> 1 == wildcard.size() && 1 == exact.size() && 1 == views.size(), TIMEOUT, "every match");

            assertSame(payload, wildcard.get(0).payload());
            assertSame(wildcard.get(0), exact.get(0), "one message object shared by both subscribers");
            assertEquals("orders.eu.new", exact.get(0).subject());
            assertEquals("1", exact.get(0).header("id"));
            assertEquals(List.of("order-1"), views);
            assertEquals(0, other.size());
        }
    }

    @Test
    void shouldGiveEachMessageToOneQueueGroupMember()
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Publisher publisher = node.publisher();
            final String endpoint = publisher.bind(Tests.uniqueInproc());
            final List<List<Message>> members = new ArrayList<>();
            for (int i = 0; i < 3; i++)
            {
                final List<Message> got = new CopyOnWriteArrayList<>();
                members.add(got);
                final Subscriber subscriber = node.subscriber();
                subscriber.subscribe("work.>", "workers", got::add);
                subscriber.connect(endpoint);
            }
            await(() -> publisher.awaitSubscribers(3, Duration.ZERO), TIMEOUT, "three members");

            final int total = 300;
            for (int i = 0; i < total; i++)
            {
                publisher.publish(Message.of("work.item", Integer.toString(i)));
            }
            await(() -> total == members.stream().mapToInt(List::size).sum(), TIMEOUT, "every item once");
            for (final List<Message> got : members)
            {
                assertEquals(total / 3, got.size(), "round-robin share");
            }
        }
    }
    @Test
    void shouldEvictTheOldestHandedOverMessagesWithTheDropOldestPolicy()
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller().receiveHighWaterMark(1);
            final Pusher pusher = node.pusher().sendHighWaterMark(4).backPressure(BackPressurePolicy.DROP_OLDEST);
            pusher.connect(puller.bind(Tests.uniqueInproc()));
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");

            final int total = 50;
            for (int i = 0; i < total; i++)
            {
                pusher.send(Message.builder().payload(Integer.toString(i).getBytes(StandardCharsets.UTF_8)).build());
            }
            final List<Integer> received = new ArrayList<>();
            Message message;
            while (null != (message = puller.receive(Duration.ofMillis(300))))
            {
                received.add(Integer.parseInt(message.payloadAsString()));
            }

            final SocketStats stats = pusher.stats();
            assertEquals(total, received.size() + stats.dropped(), "received " + received + ", " + stats);
            assertEquals(total - 1, received.get(received.size() - 1), "the newest survives: " + received);
            for (int i = 1; i < received.size(); i++)
            {
                assertTrue(received.get(i - 1) < received.get(i), "in order: " + received);
            }
            assertTrue(stats.dropped() > 0, "something was evicted");
        }
    }
}
