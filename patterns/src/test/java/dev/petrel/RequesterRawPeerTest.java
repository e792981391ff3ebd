package dev.petrel;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.petrel.test.RawZmtpPeer;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.Test;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A hand-driven ZMTP ROUTER that the requester connects to sends it malformed replies and replies for unknown
 * correlation IDs. Each is dropped and counted; the connection stays up and later good replies still complete the
 * right requests.
 */
class RequesterRawPeerTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] EMPTY = new byte[0];

    @Test
    void shouldDropMalformedAndUnknownRepliesAndKeepServingTheConnection() throws Exception
    {
        try (Node node = Node.create(Tests.fastContext());
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final Requester requester = node.requester();
            requester.connect("tcp://127.0.0.1:" + server.getLocalPort());
            try (RawZmtpPeer router = RawZmtpPeer.accept(server).handshake("ROUTER"))
            {
                await(() -> 1 == requester.peerCount(), TIMEOUT, "the raw ROUTER");
                final CompletableFuture<Message> first = requester.request("any", bytes("one"), TIMEOUT);
                final CompletableFuture<Message> second = requester.request("any", bytes("two"), TIMEOUT);
                final byte[] firstId = correlationOf(router.readMessage(), "one");
                final byte[] secondId = correlationOf(router.readMessage(), "two");

                router.sendFrames(new byte[] { 1, 2, 3 }, EMPTY, bytes("short correlation"));
                await(() -> 1 == requester.stats().dropped(), TIMEOUT, "the short correlation frame to be dropped");
                router.sendFrames(firstId, bytes("no delimiter"));
                await(() -> 2 == requester.stats().dropped(), TIMEOUT, "the reply without delimiter to be dropped");
                router.sendFrames(firstId);
                await(() -> 3 == requester.stats().dropped(), TIMEOUT, "the bare correlation frame to be dropped");
                router.sendFrames(unknownId(firstId, secondId), EMPTY, bytes("nobody asked"));
                await(() -> 1 == requester.lateReplies(), TIMEOUT, "the unknown correlation ID to be counted");
                assertFalse(first.isDone() || second.isDone(), "a bad reply completed a request");

                router.sendFrames(secondId, EMPTY, bytes("answer two"));
                router.sendFrames(firstId, EMPTY, bytes("answer one"));
                assertEquals("answer one", first.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString());
                assertEquals("answer two", second.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString());

                final CompletableFuture<Message> third = requester.request("any", bytes("three"), TIMEOUT);
                router.sendFrames(correlationOf(router.readMessage(), "three"), EMPTY, bytes("answer three"));
                assertEquals("answer three", third.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString());

                assertEquals(3, requester.stats().dropped());
                assertEquals(1, requester.lateReplies());
                assertEquals(0, node.stats().connectionsClosed(), "the connection was dropped");
                assertEquals(1, requester.peerCount());
            }
        }
    }

    private static byte[] correlationOf(final List<byte[]> request, final String payload)
    {
        assertEquals(3, request.size(), "a plain ZeroMQ peer gets [correlation][empty][payload]");
        assertEquals(8, request.get(0).length, "correlation frame");
        assertEquals(0, request.get(1).length, "delimiter");
        assertEquals(payload, new String(request.get(2), StandardCharsets.UTF_8));
        return request.get(0);
    }

    private static byte[] unknownId(final byte[] first, final byte[] second)
    {
        final long id = Math.max(ByteBuffer.wrap(first).getLong(), ByteBuffer.wrap(second).getLong()) + 1000;
        return ByteBuffer.allocate(8).putLong(id).array();
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
