package dev.petrel.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.Puller;
import dev.petrel.Pusher;
import dev.petrel.test.JeroMqLinks;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Push/pull between Petrel and real JeroMQ 0.6.0 sockets over 127.0.0.1, both directions, with Petrel binding and
 * with Petrel connecting.
 */
class JeroMqPushPullTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int COUNT = 200;

    private ZContext zmq;
    private Node node;

    @BeforeEach
    void setUp()
    {
        zmq = new ZContext();
        node = Node.create(Tests.fastContext().sendTimeout(TIMEOUT));
    }

    @AfterEach
    void tearDown()
    {
        node.close();
        zmq.close();
    }

    @ParameterizedTest(name = "petrel binds: {0}")
    @ValueSource(booleans = { true, false })
    void shouldPullWhatAJeroMqPusherSends(final boolean petrelBinds)
    {
        final Puller puller = node.puller();
        final ZMQ.Socket push = socket(SocketType.PUSH);
        link(puller::bind, puller::connect, puller::peerCount, push, petrelBinds);

        for (int i = 0; i < COUNT; i++)
        {
            assertTrue(push.send("m" + i));
        }
        push.sendMore("part-1");
        push.send("part-2");
        for (int i = 0; i < COUNT; i++)
        {
            final Message message = puller.receive(TIMEOUT);
            assertNotNull(message, "message " + i);
            assertEquals("m" + i, message.payloadAsString());
            assertTrue(message.headers().isEmpty());
        }
        final Message multipart = puller.receive(TIMEOUT);
        assertEquals("part-1", multipart.payloadAsString());
        assertEquals(List.of("part-1", "part-2"), multipart.frames().stream()
            .map(f -> new String(f, StandardCharsets.UTF_8)).toList());
    }

    @ParameterizedTest(name = "petrel binds: {0}")
    @ValueSource(booleans = { true, false })
    void shouldPushToAJeroMqPuller(final boolean petrelBinds)
    {
        final Pusher pusher = node.pusher();
        final ZMQ.Socket pull = socket(SocketType.PULL);
        link(pusher::bind, pusher::connect, pusher::peerCount, pull, petrelBinds);

        for (int i = 0; i < COUNT; i++)
        {
            pusher.send(Message.builder().payload("m" + i).header("ignored", "by zeromq").build());
        }
        for (int i = 0; i < COUNT; i++)
        {
            assertEquals("m" + i, pull.recvStr(), "message " + i);
            assertFalse(pull.hasReceiveMore(), "a plain ZeroMQ peer gets the payload alone");
        }
    }

    private ZMQ.Socket socket(final SocketType type)
    {
        final ZMQ.Socket socket = zmq.createSocket(type);
        socket.setLinger(0);
        socket.setReceiveTimeOut((int)TIMEOUT.toMillis());
        socket.setSendTimeOut((int)TIMEOUT.toMillis());
        return socket;
    }

    static void link(
        final java.util.function.UnaryOperator<String> petrelBind,
        final java.util.function.Consumer<String> petrelConnect,
        final java.util.function.IntSupplier petrelPeers,
        final ZMQ.Socket jeromq,
        final boolean petrelBinds)
    {
        if (petrelBinds)
        {
            JeroMqLinks.connect(jeromq, petrelBind.apply("tcp://127.0.0.1:0"), petrelPeers);
        }
        else
        {
            petrelConnect.accept("tcp://127.0.0.1:" + jeromq.bindToRandomPort("tcp://127.0.0.1"));
        }
    }
}
