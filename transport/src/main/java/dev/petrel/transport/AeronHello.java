package dev.petrel.transport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.petrel.transport.zmtp.ZmtpDescriptor;
import dev.petrel.transport.zmtp.ZmtpFrameHeader;
import dev.petrel.transport.zmtp.ZmtpMetadata;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The handshake message that opens each direction of a Petrel connection over Aeron: a ZMTP READY command, so it
 * travels through the same frame decoder as every later message, with three more properties.
 * <pre>
 *   connecting side -> binder:  READY Socket-Type, Identity, X-Petrel, X-Reply-Channel, X-Reply-Stream, X-Session
 *   binder -> connecting side:  READY Socket-Type, Identity, X-Petrel, X-Session (echoed)
 * </pre>
 * {@code X-Reply-Channel} and {@code X-Reply-Stream} name where the binder publishes to reach the connecting side;
 * {@code X-Session} is a random number per connection attempt that lets the connecting side ignore stale answers.
 */
final class AeronHello
{
    /** Where the binder publishes its messages for the connecting side. */
    static final String PROPERTY_REPLY_CHANNEL = "X-Reply-Channel";
    /** The stream id of the reply channel. */
    static final String PROPERTY_REPLY_STREAM = "X-Reply-Stream";
    /** The connection attempt's random number. */
    static final String PROPERTY_SESSION = "X-Session";

    private AeronHello()
    {
    }

    /**
     * Encodes a HELLO as one ZMTP READY command frame.
     *
     * @param handler the socket that speaks.
     * @param extra   the Aeron properties to add.
     * @return the encoded frame.
     */
    static byte[] encode(final PipeHandler handler, final Map<String, String> extra)
    {
        final Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ZmtpDescriptor.PROPERTY_SOCKET_TYPE, handler.socketType().name());
        properties.put(ZmtpDescriptor.PROPERTY_IDENTITY, new String(handler.identity(), StandardCharsets.ISO_8859_1));
        properties.put(ZmtpDescriptor.PROPERTY_PETREL, ZmtpDescriptor.PETREL_PROTOCOL_VERSION);
        properties.putAll(extra);
        final byte[] metadata = ZmtpMetadata.encode(properties);
        final String name = ZmtpDescriptor.READY;
        final int bodyLength = 1 + name.length() + metadata.length;
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[ZmtpFrameHeader.length(bodyLength) + bodyLength]);
        int at = ZmtpFrameHeader.write(frame, 0, bodyLength, false, true);
        frame.putByte(at++, (byte)name.length());
        at += frame.putStringWithoutLengthAscii(at, name);
        frame.putBytes(at, metadata);
        return frame.byteArray();
    }

    /**
     * What a peer on a multi-destination channel is taken to have announced, since such a channel carries no
     * handshake: a Petrel socket of the given type.
     *
     * @param peerType the socket type at the other end.
     * @return the handshake.
     */
    static PeerHandshake impliedHandshake(final ZmtpSocketType peerType)
    {
        return new PeerHandshake(peerType, new byte[0], Map.of(
            ZmtpDescriptor.PROPERTY_SOCKET_TYPE, peerType.name(),
            ZmtpDescriptor.PROPERTY_PETREL, ZmtpDescriptor.PETREL_PROTOCOL_VERSION), ZmtpDescriptor.MINOR_VERSION);
    }

    /**
     * Checks a HELLO and turns it into what a pipe records about its peer.
     *
     * @param handler    the socket that receives it.
     * @param properties the HELLO's properties.
     * @return the handshake.
     * @throws TransportException with a one-line reason when the peer may not talk to this socket.
     */
    static PeerHandshake handshake(final PipeHandler handler, final Map<String, String> properties)
    {
        final String typeName = properties.get(ZmtpDescriptor.PROPERTY_SOCKET_TYPE);
        final ZmtpSocketType peerType = null == typeName ? null : ZmtpSocketType.parse(typeName);
        if (null == peerType)
        {
            throw new TransportException("unknown socket type " + typeName);
        }
        if (!handler.socketType().isCompatibleWith(peerType))
        {
            throw new TransportException("socket type " + peerType + " cannot talk to " + handler.socketType());
        }
        final String identity = properties.getOrDefault(ZmtpDescriptor.PROPERTY_IDENTITY, "");
        return new PeerHandshake(
            peerType, identity.getBytes(StandardCharsets.ISO_8859_1), properties, ZmtpDescriptor.MINOR_VERSION);
    }
}
