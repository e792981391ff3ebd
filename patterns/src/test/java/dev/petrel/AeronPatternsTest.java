package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

import dev.petrel.test.AeronEndpoints;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every pattern over Aeron UDP unicast on 127.0.0.1 and over Aeron IPC, between sockets of one node (IPC needs
 * one media driver, and a node's embedded driver serves all its sockets). One node serves every scenario, so the
 * embedded driver starts once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AeronPatternsTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Node node;

    @BeforeAll
    void startNode()
    {
        node = Node.create(Tests.fastContext());
    }

    @AfterAll
    void closeNode()
    {
        node.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldDeliverOnlyMatchingSubjectsToAWildcardSubscriber(final String media)
    {
        final Publisher publisher = node.publisher();
        final Subscriber subscriber = node.subscriber();
        try
        {
            final String endpoint = publisher.bind(AeronEndpoints.bindEndpoint(media));
            subscriber.connect(endpoint);
            subscriber.subscribe("orders.*.new");
            subscriber.subscribe("end");
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT));
            await(() -> 1 == publisher.publish("orders.probe.new", "probe"), TIMEOUT, "the subscription");

            publisher.publish("orders.eu.old", "no");
            publisher.publish("orders.eu.new", "yes");
            publisher.publish("orders.us.new.x", "no");
            publisher.publish("orders.us.new", "yes");
            publisher.publish("end", "end");

            final List<String> received = new ArrayList<>();
            Message message;
            while (!"end".equals((message = subscriber.receive(TIMEOUT)).subject()))
            {
                if (!"orders.probe.new".equals(message.subject()))
                {
                    assertEquals("yes", message.payloadAsString(), message.subject() + " should not match");
                    received.add(message.subject());
                }
            }
            assertEquals(List.of("orders.eu.new", "orders.us.new"), received);
        }
        finally
        {
            subscriber.close();
            publisher.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldShareWorkAcrossTwoPullers(final String media)
    {
        final Pusher pusher = node.pusher();
        final AtomicInteger first = new AtomicInteger();
        final AtomicInteger second = new AtomicInteger();
        final Puller one = node.puller().handler(m -> first.incrementAndGet());
        final Puller two = node.puller().handler(m -> second.incrementAndGet());
        try
        {
            final String endpoint = pusher.bind(AeronEndpoints.bindEndpoint(media));
            one.connect(endpoint);
            two.connect(endpoint);
            await(() -> 2 == pusher.peerCount(), TIMEOUT, "two pullers");

            final int total = 2000;
            for (int i = 0; i < total; i++)
            {
                pusher.send("job-" + i);
            }
            await(() -> total == first.get() + second.get(), TIMEOUT, "every job");
            assertTrue(first.get() > total / 4 && second.get() > total / 4, first.get() + " / " + second.get());
        }
        finally
        {
            one.close();
            two.close();
            pusher.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldKeepOrderAndContentWhenSmallDirectWritesMeetQueuedLargeMessages(final String media) throws Exception
    {
        // a small message goes straight into the publication unless something is queued; a message larger than one
        // Aeron fragment always goes through the pipe's queue, and while the puller falls behind the queue holds
        // what Aeron's window refused, so small messages must wait behind both
        sendToAPullerThatFallsBehind(media, 20_000,
            (pusher, i) ->
            {
                if (0 == i % 3)
                {
                    pusher.send(Message.builder().payload(payloadOf(i)).header("n", Integer.toString(i)).build());
                }
                else
                {
                    pusher.send(payloadOf(i));
                }
            },
            (message, i) ->
            {
                assertNotNull(message, "message " + i);
                assertArrayEquals(payloadOf(i), message.payload(), "message " + i);
                assertEquals(0 == i % 3 ? Integer.toString(i) : null, message.header("n"), "headers of message " + i);
            });
    }

    /**
     * @return 8 bytes for most messages, 5,000 (more than one Aeron fragment) for every 50th, every byte derived
     *         from the message's number.
     */
    private static byte[] payloadOf(final int n)
    {
        final byte[] payload = new byte[0 == n % 50 ? 5000 : 8];
        for (int i = 0; i < payload.length; i++)
        {
            payload[i] = (byte)(n * 31 + i);
        }
        return payload;
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldKeepOrderWhileAPullerThatFellBehindRefusesPartOfABatch(final String media) throws Exception
    {
        sendToAPullerThatFallsBehind(media, 20_000,
            (pusher, i) -> pusher.send(Integer.toString(i)),
            (message, i) -> assertEquals(Integer.toString(i), message.payloadAsString()));
    }

    /**
     * Sends numbered messages from another thread to a puller of a node with a receive high-water mark of 16, which
     * starts taking them only after 200 ms, once Aeron's window and the pusher's queue hold what it refused; checks
     * each message as it is received, then that nothing follows the last.
     */
    private static void sendToAPullerThatFallsBehind(
        final String media, final int total, final ObjIntConsumer<Pusher> send,
        final ObjIntConsumer<Message> check) throws Exception
    {
        try (Node slow = Node.create(Tests.fastContext().receiveHighWaterMark(16).sendTimeout(TIMEOUT)))
        {
            final Puller puller = slow.puller();
            final Pusher pusher = slow.pusher();
            pusher.connect(puller.bind(AeronEndpoints.bindEndpoint(media)));
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");
            final CompletableFuture<Void> sending = CompletableFuture.runAsync(() ->
            {
                for (int i = 0; i < total; i++)
                {
                    send.accept(pusher, i);
                }
            });
            Thread.sleep(200);
            for (int i = 0; i < total; i++)
            {
                check.accept(puller.receive(TIMEOUT), i);
            }
            sending.get();
            assertNull(puller.receive(Duration.ofMillis(100)), "nothing after the last message");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldDeliverWhatAPusherLeftQueuedWhenItStoppedSending(final String media) throws Exception
    {
        final int total = 20_000;
        final NodeContext ctx = Tests.fastContext().receiveHighWaterMark(16).sendHighWaterMark(total)
            .pipeBufferLength(4 << 20).sendTimeout(TIMEOUT);
        try (Node quiet = Node.create(ctx))
        {
            final Puller puller = quiet.puller();
            final Pusher pusher = quiet.pusher();
            pusher.connect(puller.bind(AeronEndpoints.bindEndpoint(media)));
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");
            for (int i = 0; i < total; i++)
            {
                pusher.send(Integer.toString(i));
            }
            // nothing was received yet: Aeron's window is full, the rest waits in the pusher's queue, and with the
            // sender gone only the I/O thread can move it on as the puller catches up
            for (int i = 0; i < total; i++)
            {
                assertEquals(Integer.toString(i), puller.receive(TIMEOUT).payloadAsString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldMatchPipelinedRepliesToRequests(final String media)
    {
        final Replier replier = node.replier();
        final Requester requester = node.requester();
        try
        {
            replier.handle("echo.>", request -> Message.of("", "re:" + request.payloadAsString()));
            requester.connect(replier.bind(AeronEndpoints.bindEndpoint(media)));
            await(() -> 1 == requester.peerCount(), TIMEOUT, "the replier");

            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 0; i < 200; i++)
            {
                replies.add(requester.request("echo.x", ("r" + i).getBytes(StandardCharsets.UTF_8), TIMEOUT));
            }
            for (int i = 0; i < replies.size(); i++)
            {
                assertEquals("re:r" + i, replies.get(i).join().payloadAsString());
            }
        }
        finally
        {
            requester.close();
            replier.close();
        }
    }
}
