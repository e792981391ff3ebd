package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.petrel.test.JeroMqLinks;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Request/reply against real JeroMQ 0.6.0 sockets in all four pairings: Petrel's requester with a JeroMQ REP and
 * ROUTER, and JeroMQ's REQ and DEALER with Petrel's replier. Pipelined requests must match their replies even when
 * the JeroMQ side answers out of order.
 */
class RequestReplyJeroMqTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int RECEIVE_TIMEOUT_MS = 5000;
    private static final int PIPELINED = 5;

    @Test
    void shouldAnswerPipelinedRequestsFromJeroMqRep() throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()); ZContext context = new ZContext())
        {
            final ZMQ.Socket rep = socket(context, SocketType.REP);
            final Requester requester = node.requester();
            requester.connect("tcp://127.0.0.1:" + rep.bindToRandomPort("tcp://127.0.0.1"));
            await(() -> 1 == requester.peerCount(), TIMEOUT, "the REP socket");

            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 0; i < PIPELINED; i++)
            {
                replies.add(requester.request("any", bytes("q" + i), TIMEOUT));
            }
            for (int i = 0; i < PIPELINED; i++)
            {
                final List<byte[]> request = receive(rep);
                assertEquals(1, request.size(), "REP hides the envelope");
                assertEquals("q" + i, text(request.get(0)));
                rep.send("re:" + text(request.get(0)));
            }
            for (int i = 0; i < PIPELINED; i++)
            {
                assertEquals("re:q" + i, payloadOf(replies.get(i)));
            }
        }
    }

    @Test
    void shouldMatchJeroMqRouterRepliesSentInReverseOrder() throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()); ZContext context = new ZContext())
        {
            final ZMQ.Socket router = socket(context, SocketType.ROUTER);
            final Requester requester = node.requester();
            requester.connect("tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1"));
            await(() -> 1 == requester.peerCount(), TIMEOUT, "the ROUTER socket");

            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 0; i < PIPELINED; i++)
            {
                replies.add(requester.request("any", bytes("q" + i), TIMEOUT));
            }
            final List<List<byte[]>> requests = new ArrayList<>();
            for (int i = 0; i < PIPELINED; i++)
            {
                final List<byte[]> request = receive(router);
                assertEquals(4, request.size(), "[routing-id][correlation][empty][payload]");
                assertTrue(request.get(0).length > 0, "routing id");
                assertEquals(8, request.get(1).length, "correlation frame");
                assertEquals(0, request.get(2).length, "delimiter");
                assertEquals("q" + i, text(request.get(3)));
                requests.add(request);
            }
            for (int i = PIPELINED - 1; i >= 0; i--)
            {
                final List<byte[]> request = requests.get(i);
                router.sendMore(request.get(0));
                router.sendMore(request.get(1));
                router.sendMore(request.get(2));
                router.send("re:" + text(request.get(3)));
            }
            for (int i = 0; i < PIPELINED; i++)
            {
                assertEquals("re:q" + i, payloadOf(replies.get(i)));
            }
            assertEquals(0, requester.lateReplies());
        }
    }

    @Test
    void shouldAnswerJeroMqReq()
    {
        try (Node node = Node.create(Tests.fastContext()); ZContext context = new ZContext())
        {
            final Replier replier = prefixing(node);
            final ZMQ.Socket req = socket(context, SocketType.REQ);
            JeroMqLinks.connect(req, replier.bind("tcp://127.0.0.1:0"), replier::peerCount);
            for (int i = 0; i < PIPELINED; i++)
            {
                assertTrue(req.send("q" + i));
                final List<byte[]> reply = receive(req);
                assertEquals(1, reply.size(), "REQ hides the envelope");
                assertEquals("re:q" + i, text(reply.get(0)));
            }
        }
    }

    @Test
    void shouldEchoTheEnvelopeToJeroMqDealer()
    {
        try (Node node = Node.create(Tests.fastContext()); ZContext context = new ZContext())
        {
            final Replier replier = prefixing(node);
            final ZMQ.Socket dealer = socket(context, SocketType.DEALER);
            JeroMqLinks.connect(dealer, replier.bind("tcp://127.0.0.1:0"), replier::peerCount);

            send(dealer, new byte[0], bytes("plain"));
            assertFrames(receive(dealer), "", "re:plain");

            send(dealer, bytes("some-id"), new byte[0], bytes("addressed"));
            assertFrames(receive(dealer), "some-id", "", "re:addressed");

            send(dealer, bytes("hopA"), bytes("hopB"), new byte[0], bytes("two hops"));
            assertFrames(receive(dealer), "hopA", "hopB", "", "re:two hops");

            for (int i = 0; i < PIPELINED; i++)
            {
                send(dealer, bytes("id-" + i), new byte[0], bytes("q" + i));
            }
            for (int i = 0; i < PIPELINED; i++)
            {
                assertFrames(receive(dealer), "id-" + i, "", "re:q" + i);
            }
        }
    }

    @Test
    void shouldDropAJeroMqDealerRequestWithoutDelimiterAsRepDoes()
    {
        try (Node node = Node.create(Tests.fastContext()); ZContext context = new ZContext())
        {
            final Replier replier = prefixing(node);
            final ZMQ.Socket dealer = socket(context, SocketType.DEALER);
            JeroMqLinks.connect(dealer, replier.bind("tcp://127.0.0.1:0"), replier::peerCount);

            send(dealer, bytes("no delimiter"));
            await(() -> 1 == replier.stats().dropped(), TIMEOUT, "the request without delimiter to be dropped");
            send(dealer, new byte[0], bytes("framed"));

            assertFrames(receive(dealer), "", "re:framed");
            assertEquals(1, replier.stats().dropped());
            assertEquals(1, replier.stats().received());
        }
    }

    private static Replier prefixing(final Node node)
    {
        return node.replier().handle(">", request -> Message.of("", "re:" + request.payloadAsString()));
    }

    private static ZMQ.Socket socket(final ZContext context, final SocketType type)
    {
        final ZMQ.Socket socket = context.createSocket(type);
        socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        socket.setLinger(0);
        return socket;
    }

    private static void send(final ZMQ.Socket socket, final byte[]... frames)
    {
        for (int i = 0; i < frames.length; i++)
        {
            assertTrue(socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0), "send frame " + i);
        }
    }

    private static List<byte[]> receive(final ZMQ.Socket socket)
    {
        final List<byte[]> frames = new ArrayList<>();
        do
        {
            final byte[] frame = socket.recv();
            assertNotNull(frame, "nothing received within " + RECEIVE_TIMEOUT_MS + " ms");
            frames.add(frame);
        }
        while (socket.hasReceiveMore());
        return frames;
    }

    private static void assertFrames(final List<byte[]> frames, final String... expected)
    {
        final List<String> actual = new ArrayList<>();
        for (final byte[] frame : frames)
        {
            actual.add(text(frame));
        }
        assertEquals(List.of(expected), actual);
    }

    private static String payloadOf(final CompletableFuture<Message> reply) throws Exception
    {
        return reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString();
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(final byte[] bytes)
    {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
