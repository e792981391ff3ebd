package dev.petrel.transport;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.petrel.transport.zmtp.FrameSink;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpFrameDecoder;
import dev.petrel.transport.zmtp.ZmtpMetadata;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import io.aeron.ChannelUri;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How Petrel reads Aeron endpoints and encodes its HELLO, without a media driver.
 */
class AeronChannelTest
{
    @Test
    void shouldTakeTheStreamIdOutOfTheChannelAndDefaultIt()
    {
        final AeronChannel given = AeronChannel.parse(Endpoint.parse("aeron:udp?endpoint=127.0.0.1:4000|stream-id=7"));
        assertEquals(7, given.streamId());
        assertEquals("aeron:udp?endpoint=127.0.0.1:4000", given.subscriptionChannel());

        final AeronChannel defaulted = AeronChannel.parse(Endpoint.parse("aeron:ipc"));
        assertEquals(AeronChannel.STREAM_ID_DEFAULT, defaulted.streamId());
        assertFalse(defaulted.isUdp());
    }

    @Test
    void shouldAcceptDynamicControlAndRefuseManualControlInOneLine()
    {
        final AeronChannel dynamic = AeronChannel.parse(
            Endpoint.parse("aeron:udp?control=127.0.0.1:4001|control-mode=dynamic"));
        final AeronChannel control = AeronChannel.parse(Endpoint.parse("aeron:udp?control=127.0.0.1:4001"));
        assertTrue(dynamic.isMultiDestination());
        dynamic.checkMultiDestination(true);
        dynamic.checkMultiDestination(false);
        control.checkMultiDestination(false);

        final TransportException ex = assertThrows(TransportException.class, () -> control.checkMultiDestination(true));
        assertTrue(ex.getMessage().startsWith("multi-destination Aeron endpoints"), ex.getMessage());
        assertFalse(ex.getMessage().contains("\n"));
        assertThrows(TransportException.class, () -> AeronChannel.parse(
            Endpoint.parse("aeron:udp?control=127.0.0.1:4001|control-mode=manual")).checkMultiDestination(false));
        assertThrows(TransportException.class, () -> AeronChannel.parse(
            Endpoint.parse("aeron:udp?control-mode=manual")).checkMultiDestination(true));
    }

    @Test
    void shouldFanOutOnlyFromABindingPublisherToConnectingSubscribers()
    {
        assertTrue(AeronChannel.fansOut(ZmtpSocketType.PUB, true));
        assertTrue(AeronChannel.fansOut(ZmtpSocketType.SUB, false));
        assertFalse(AeronChannel.fansOut(ZmtpSocketType.SUB, true));
        assertFalse(AeronChannel.fansOut(ZmtpSocketType.PUB, false));
        assertFalse(AeronChannel.fansOut(ZmtpSocketType.PUSH, true));
        assertFalse(AeronChannel.fansOut(ZmtpSocketType.PULL, false));
        assertFalse(AeronChannel.fansOut(ZmtpSocketType.ROUTER, true));
        assertFalse(AeronChannel.fansOut(ZmtpSocketType.DEALER, false));
    }

    @Test
    void shouldServeAMultiDestinationEndpointPointToPointAtItsControlAddress()
    {
        final AeronChannel mdc = AeronChannel.parse(
            Endpoint.parse("aeron:udp?control=127.0.0.1:0|control-mode=dynamic|term-length=64k|stream-id=77"));
        final AeronChannel unicast = mdc.pointToPoint();
        assertFalse(unicast.isMultiDestination());
        assertEquals(77, unicast.streamId());
        assertTrue(unicast.hasWildcardPort());
        final ChannelUri channel = ChannelUri.parse(unicast.subscriptionChannel());
        assertEquals("127.0.0.1:0", channel.get("endpoint"));
        assertEquals("64k", channel.get("term-length"));
        assertNull(channel.get("control"));
        assertNull(channel.get("control-mode"));

        final ChannelUri bound = ChannelUri.parse(
            mdc.boundControlEndpointOf("aeron:udp?endpoint=127.0.0.1:40400|term-length=64k|stream-id=77"));
        assertEquals("127.0.0.1:40400", bound.get("control"));
        assertEquals("dynamic", bound.get("control-mode"));
        assertEquals("77", bound.get("stream-id"));
        assertNull(bound.get("endpoint"));
    }

    @Test
    void shouldCountSubscribersWithMinFlowControlAndPickALocalEndpointForASubscriber()
    {
        final AeronChannel publisher = AeronChannel.parse(
            Endpoint.parse("aeron:udp?control=127.0.0.1:4001|control-mode=dynamic"));
        assertEquals("min", ChannelUri.parse(publisher.fanOutPublicationChannel()).get("fc"));
        final AeronChannel givenFc = AeronChannel.parse(
            Endpoint.parse("aeron:udp?control=127.0.0.1:4001|control-mode=dynamic|fc=max"));
        assertEquals("max", ChannelUri.parse(givenFc.fanOutPublicationChannel()).get("fc"));

        final ChannelUri subscriber = ChannelUri.parse(AeronChannel.parse(
            Endpoint.parse("aeron:udp?control=127.0.0.1:4001|control-mode=dynamic")).fanInSubscriptionChannel());
        assertEquals("127.0.0.1:0", subscriber.get("endpoint"));
        assertEquals("127.0.0.1:4001", subscriber.get("control"));
        assertNull(subscriber.get("control-mode"));
        assertEquals("127.0.0.1:4555", ChannelUri.parse(AeronChannel.parse(
            Endpoint.parse("aeron:udp?endpoint=127.0.0.1:4555|control=127.0.0.1:4001")).fanInSubscriptionChannel())
            .get("endpoint"));
    }

    @Test
    void shouldAddDefaultTermLengthsToPublicationsButKeepAGivenOne()
    {
        assertEquals("4m", termLength(AeronChannel.parse(Endpoint.parse("aeron:udp?endpoint=127.0.0.1:4000"))));
        assertEquals("1m", termLength(AeronChannel.parse(Endpoint.parse("aeron:ipc"))));
        assertEquals("16m", termLength(AeronChannel.parse(Endpoint.parse("aeron:ipc?term-length=16m"))));
    }

    @Test
    void shouldReplyOnTheLoopbackAddressWithTheSameTermLengthAndMtu()
    {
        final AeronChannel channel = AeronChannel.parse(
            Endpoint.parse("aeron:udp?endpoint=127.0.0.1:4000|term-length=8m|mtu=8k"));
        assertEquals("aeron:udp?endpoint=127.0.0.1:0", channel.replySubscriptionChannel());

        final ChannelUri reply = ChannelUri.parse(
            channel.replyPublicationChannel("aeron:udp?endpoint=127.0.0.1:45678"));
        assertEquals("127.0.0.1:45678", reply.get("endpoint"));
        assertEquals("8m", reply.get("term-length"));
        assertEquals("8k", reply.get("mtu"));
    }

    @Test
    void shouldReportTheResolvedPortAndAnOtherThanDefaultStreamWhenBound()
    {
        final AeronChannel channel = AeronChannel.parse(Endpoint.parse("aeron:udp?endpoint=127.0.0.1:0|stream-id=9"));
        assertTrue(channel.hasWildcardPort());
        final ChannelUri bound = ChannelUri.parse(channel.boundEndpoint("aeron:udp?endpoint=127.0.0.1:40123"));
        assertEquals("127.0.0.1:40123", bound.get("endpoint"));
        assertEquals("9", bound.get("stream-id"));
    }

    @Test
    void shouldRejectABadStreamId()
    {
        final TransportException ex = assertThrows(TransportException.class,
            () -> AeronChannel.parse(Endpoint.parse("aeron:ipc?stream-id=x")));
        assertTrue(ex.getMessage().contains("stream-id"), ex.getMessage());
    }

    @Test
    void shouldEncodeHelloAsAReadyCommandTheFrameDecoderReads()
    {
        final byte[] hello = AeronHello.encode(handler(ZmtpSocketType.PUSH), Map.of(AeronHello.PROPERTY_SESSION, "ab"));
        final AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(1024);
        assertEquals(hello.length, decoder.decode(new UnsafeBuffer(hello), 0, hello.length, new FrameSink()
        {
            @Override
            public boolean onMessage(final InboundFrames frames)
            {
                return fail("HELLO is a command");
            }

            @Override
            public String onCommand(final String name, final DirectBuffer buffer, final int offset, final int length)
            {
                assertEquals("READY", name);
                seen.set(ZmtpMetadata.decode(buffer, offset, length));
                return null;
            }
        }));
        assertEquals("PUSH", seen.get().get("Socket-Type"));
        assertEquals("ab", seen.get().get(AeronHello.PROPERTY_SESSION));
        assertEquals(ZmtpSocketType.PUSH, AeronHello.handshake(handler(ZmtpSocketType.PULL), seen.get()).socketType());
    }

    @Test
    void shouldRefuseAHelloFromAnIncompatibleSocketType()
    {
        final Map<String, String> hello = Map.of("Socket-Type", "PUB");
        final TransportException ex = assertThrows(TransportException.class,
            () -> AeronHello.handshake(handler(ZmtpSocketType.PULL), hello));
        assertEquals("socket type PUB cannot talk to PULL", ex.getMessage());
    }

    private static String termLength(final AeronChannel channel)
    {
        return ChannelUri.parse(channel.publicationChannel()).get("term-length");
    }

    private static PipeHandler handler(final ZmtpSocketType type)
    {
        return new PipeHandler()
        {
            @Override
            public ZmtpSocketType socketType()
            {
                return type;
            }

            @Override
            public byte[] identity()
            {
                return new byte[0];
            }

            @Override
            public TransportSettings settings()
            {
                return null;
            }

            @Override
            public void onPipeAttached(final Pipe pipe)
            {
            }

            @Override
            public void onPipeDetached(final Pipe pipe)
            {
            }

            @Override
            public boolean onMessage(final Pipe pipe, final InboundFrames frames)
            {
                return true;
            }

            @Override
            public String onCommand(
                final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
            {
                return null;
            }
        };
    }
}
