package dev.petrel.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.Publisher;
import dev.petrel.Subscriber;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static dev.petrel.interop.JeroMqPushPullTest.link;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Pub/sub between Petrel and real JeroMQ 0.6.0 sockets over 127.0.0.1, both directions, with Petrel binding and
 * with Petrel connecting. ZeroMQ rules apply on the wire: subscriptions are byte prefixes sent as {@code 0x01} +
 * prefix messages, and a message is {@code [subject][payload]}.
 */
class JeroMqPubSubTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROBE = Duration.ofMillis(10);
    private static final int MAX_PROBES = 500;

    private ZContext zmq;
    private Node node;

    @BeforeEach
    void setUp()
    {
        zmq = new ZContext();
        node = Node.create(Tests.fastContext());
    }

    @AfterEach
    void tearDown()
    {
        node.close();
        zmq.close();
    }

    @ParameterizedTest(name = "petrel binds: {0}")
    @ValueSource(booleans = { true, false })
    void shouldReceiveWhatAJeroMqPublisherSendsMatchingPatternsLocally(final boolean petrelBinds)
    {
        final Subscriber subscriber = node.subscriber();
        final ZMQ.Socket pub = socket(SocketType.PUB);
        link(subscriber::bind, subscriber::connect, subscriber::peerCount, pub, petrelBinds);
        subscriber.subscribe("orders.*.new");
        subscriber.subscribe("ticks");
        awaitFirstDelivery(pub, subscriber, "ticks.probe");

        final String[][] sent = {
            { "orders.eu.new", "a" }, { "orders.eu.old", "no" }, { "orders.us.new", "b" }, { "other.eu.new", "no" },
            { "orders.eu.new.x", "no" }, { "ticksy", "c" }, { "ticks.end", "end" },
        };
        for (final String[] message : sent)
        {
            assertTrue(pub.sendMore(message[0]));
            assertTrue(pub.send(message[1]));
        }
        final List<String> received = new ArrayList<>();
        Message message;
        do
        {
            message = subscriber.receive(TIMEOUT);
            assertNotNull(message, "received so far: " + received);
            if (!"ticks.probe".equals(message.subject()))
            {
                received.add(message.subject() + "=" + message.payloadAsString());
            }
        }
        while (!"end".equals(message.payloadAsString()));
        assertEquals(List.of("orders.eu.new=a", "orders.us.new=b", "ticksy=c", "ticks.end=end"), received);
    }

    /**
     * A JeroMQ publisher delivers nothing until the subscription has crossed the network: publish a probe until
     * the first copy arrives (bounded).
     */
    private static void awaitFirstDelivery(final ZMQ.Socket pub, final Subscriber subscriber, final String subject)
    {
        for (int i = 0; i < MAX_PROBES; i++)
        {
            pub.sendMore(subject);
            pub.send("probe");
            if (null != subscriber.receive(PROBE))
            {
                return;
            }
        }
        fail("the JeroMQ publisher never delivered to the Petrel subscriber");
    }

    @Test
    void shouldAskAJeroMqPublisherForTheLiteralPrefixOfAWildcardPattern()
    {
        final ZMQ.Socket xpub = socket(SocketType.XPUB);
        final Subscriber subscriber = node.subscriber();
        subscriber.connect("tcp://127.0.0.1:" + xpub.bindToRandomPort("tcp://127.0.0.1"));
        subscriber.subscribe("orders.*.new");
        subscriber.subscribe("metrics.>");
        subscriber.subscribe("ticks");

        final List<String> subscriptions = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final byte[] bytes = xpub.recv();
            assertNotNull(bytes, "subscription " + i);
            assertEquals(1, bytes[0], "0x01 means subscribe");
            subscriptions.add(new String(bytes, 1, bytes.length - 1, java.nio.charset.StandardCharsets.UTF_8));
        }
        subscriptions.sort(null);
        assertEquals(List.of("metrics.", "orders.", "ticks"), subscriptions);
    }

    @ParameterizedTest(name = "petrel binds: {0}")
    @ValueSource(booleans = { true, false })
    void shouldPublishToAJeroMqSubscriberFilteringByPrefix(final boolean petrelBinds)
    {
        final Publisher publisher = node.publisher();
        final ZMQ.Socket sub = socket(SocketType.SUB);
        assertTrue(sub.subscribe("orders.eu"));
        link(publisher::bind, publisher::connect, publisher::peerCount, sub, petrelBinds);
        // A bound JeroMQ socket attaches a new peer, and so sends it its subscriptions, only when the application
        // calls into the socket: keep calling while waiting.
        Tests.await(() -> sub.getEvents() >= 0 && 1 == publisher.subscriberCount(), TIMEOUT, "the subscription");

        assertEquals(1, publisher.publish("orders.eu.new", "a"));
        assertEquals(0, publisher.publish("orders.us.new", "no"));
        assertEquals(0, publisher.publish("orders.e", "no"));
        assertEquals(1, publisher.publish(Message.builder().subject("orders.euro").payload("b")
            .header("ignored", "by zeromq").build()));
        assertEquals(1, publisher.publish("orders.eu", "end"));

        final List<String> received = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final String subject = sub.recvStr();
            assertNotNull(subject, "received so far: " + received);
            assertTrue(sub.hasReceiveMore(), "[subject][payload]");
            final String payload = sub.recvStr();
            assertFalse(sub.hasReceiveMore(), "exactly two frames");
            received.add(subject + "=" + payload);
        }
        assertEquals(List.of("orders.eu.new=a", "orders.euro=b", "orders.eu=end"), received);
    }

    private ZMQ.Socket socket(final SocketType type)
    {
        final ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(0);
        socket.setReceiveTimeOut((int)TIMEOUT.toMillis());
        return socket;
    }
}
