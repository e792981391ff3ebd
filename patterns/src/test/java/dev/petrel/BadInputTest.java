package dev.petrel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import dev.petrel.test.RawZmtpPeer;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad bytes from a raw TCP peer close only that peer's connection: a healthy Petrel pusher keeps delivering to the
 * same puller before, during and after, and the node counts the closing with its reason.
 */
class BadInputTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_MESSAGE_LENGTH = 1024;

    private Node pullerNode;
    private Node pusherNode;
    private Puller puller;
    private Pusher healthy;
    private int port;
    private int sequence;

    @BeforeEach
    void setUp()
    {
        pullerNode = Node.create(Tests.fastContext().maxMessageLength(MAX_MESSAGE_LENGTH));
        pusherNode = Node.create(Tests.fastContext());
        puller = pullerNode.puller();
        port = URI.create(puller.bind("tcp://127.0.0.1:0")).getPort();
        healthy = pusherNode.pusher().sendTimeout(TIMEOUT);
        healthy.connect("tcp://127.0.0.1:" + port);
        assertHealthyTrafficFlows();
    }

    @AfterEach
    void tearDown()
    {
        pusherNode.close();
        pullerNode.close();
    }

    @Test
    void shouldCloseOnGarbageInsteadOfAGreeting()
    {
        assertOnlyThatConnectionCloses(
            raw -> raw.write("GET / HTTP/1.1\r\nHost: petrel\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
            "bad greeting signature");
    }

    @Test
    void shouldCloseOnAFrameAnnouncingTwoToTheFortyBytes()
    {
        assertOnlyThatConnectionCloses(raw ->
        {
            raw.handshake("PUSH");
            final byte[] header = new byte[9];
            header[0] = 0x02;
            System.arraycopy(RawZmtpPeer.longSize(1L << 40), 0, header, 1, 8);
            raw.write(header);
        }, "exceeds the maximum message size");
    }

    @Test
    void shouldCloseOnAMessageLargerThanTheMaximum()
    {
        assertOnlyThatConnectionCloses(
            raw -> raw.handshake("PUSH").sendMessage(new byte[2000]), "exceeds the maximum message size");
    }

    @Test
    void shouldCloseAndReportAFrameTruncatedByTheClose()
    {
        try (RawZmtpPeer raw = RawZmtpPeer.connect(port))
        {
            raw.handshake("PUSH").sendMessage("whole".getBytes(StandardCharsets.US_ASCII));
            assertEquals("whole", puller.receive(TIMEOUT).payloadAsString());
            raw.write(new byte[] { 0x00, 100, 't', 'r', 'u', 'n', 'c' });
            assertHealthyTrafficFlows();
        }
        awaitClosedFor("closed the connection in the middle of a message");
        assertHealthyTrafficFlows();
    }

    @Test
    void shouldIgnoreAnUnknownCommandAndKeepTheConnection()
    {
        try (RawZmtpPeer raw = RawZmtpPeer.connect(port))
        {
            raw.handshake("PUSH").write(RawZmtpPeer.command("FOO", new byte[] { 1, 2, 3 }));
            assertHealthyTrafficFlows();
            raw.sendMessage("after FOO".getBytes(StandardCharsets.US_ASCII));
            assertEquals("after FOO", puller.receive(TIMEOUT).payloadAsString());
        }
        assertHealthyTrafficFlows();
        assertEquals(0, pullerNode.stats().errors());
    }

    private void assertOnlyThatConnectionCloses(final Consumer<RawZmtpPeer> badInput, final String reason)
    {
        try (RawZmtpPeer raw = RawZmtpPeer.connect(port))
        {
            assertHealthyTrafficFlows();
            badInput.accept(raw);
            assertHealthyTrafficFlows();
            assertTrue(raw.awaitClosedByPeer(TIMEOUT), "the bad connection should be closed");
        }
        awaitClosedFor(reason);
        assertHealthyTrafficFlows();
        assertEquals(1, healthy.peerCount(), "the healthy connection stays up");
    }

    private void awaitClosedFor(final String reason)
    {
        await(() -> 1 == pullerNode.stats().connectionsClosed(), TIMEOUT, "the closing to be counted");
        final Map<String, Long> reasons = pullerNode.stats().closeReasons();
        assertEquals(1, reasons.size(), reasons.toString());
        final String actual = reasons.keySet().iterator().next();
        assertTrue(actual.contains(reason), actual);
    }

    private void assertHealthyTrafficFlows()
    {
        for (int i = 0; i < 20; i++)
        {
            healthy.send("ok-" + sequence++);
        }
        for (int i = sequence - 20; i < sequence; i++)
        {
            final Message message = puller.receive(TIMEOUT);
            assertNotNull(message, "healthy message " + i);
            assertEquals("ok-" + i, message.payloadAsString());
        }
    }
}
