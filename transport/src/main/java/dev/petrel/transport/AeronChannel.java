package dev.petrel.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

import dev.petrel.transport.zmtp.ZmtpSocketType;
import io.aeron.ChannelUri;
import io.aeron.CommonContext;

/**
 * An Aeron endpoint as Petrel reads it: the Aeron channel, the stream id (from the {@code stream-id} parameter,
 * which Petrel removes before handing the channel to Aeron), and the publication defaults Petrel adds.
 * <p>
 * Defaults: stream id {@value #STREAM_ID_DEFAULT}; a {@code term-length} of 4 MiB for UDP and 1 MiB for IPC unless
 * given, so the largest message is {@code term-length / 8} (512 KiB and 128 KiB); the driver's MTU unless given.
 * Multi-destination endpoints ({@code control=}) fan out for a publisher that binds one and the subscribers that
 * connect to it; every other socket reads one as a point-to-point endpoint at the control address
 * ({@link #pointToPoint()}). See {@link #checkMultiDestination}.
 * Immutable.
 */
final class AeronChannel
{
    /** The stream id used when the endpoint names none. */
    static final int STREAM_ID_DEFAULT = 1001;
    /** The endpoint parameter that names the stream id. */
    static final String STREAM_ID_PARAM_NAME = CommonContext.STREAM_ID_PARAM_NAME;
    /** Default term length of UDP publications. */
    static final String UDP_TERM_LENGTH_DEFAULT = "4m";
    /** Default term length of IPC publications. */
    static final String IPC_TERM_LENGTH_DEFAULT = "1m";

    private static final int IPC_REPLY_STREAM_MIN = 0x4000_0000;

    private final ChannelUri uri;
    private final int streamId;

    private AeronChannel(final ChannelUri uri, final int streamId)
    {
        this.uri = uri;
        this.streamId = streamId;
    }

    /**
     * @param endpoint an {@code aeron:udp} or {@code aeron:ipc} endpoint.
     * @return the parsed channel.
     * @throws TransportException when the text is not a valid Aeron channel.
     */
    static AeronChannel parse(final Endpoint endpoint)
    {
        final ChannelUri uri;
        try
        {
            uri = ChannelUri.parse(endpoint.uri());
        }
        catch (final RuntimeException ex)
        {
            throw new TransportException("bad Aeron endpoint " + endpoint + ": " + ex.getMessage(), ex);
        }
        final String streamText = uri.remove(STREAM_ID_PARAM_NAME);
        try
        {
            return new AeronChannel(uri, null == streamText ? STREAM_ID_DEFAULT : Integer.parseInt(streamText));
        }
        catch (final NumberFormatException ex)
        {
            throw new TransportException("bad stream-id in " + endpoint + ": " + streamText, ex);
        }
    }

    /**
     * @return true for UDP (unicast or multicast), false for IPC.
     */
    boolean isUdp()
    {
        return uri.isUdp();
    }

    /**
     * @return true for a multi-destination endpoint: one with {@code control=} or {@code control-mode=}.
     */
    boolean isMultiDestination()
    {
        return null != uri.get(CommonContext.MDC_CONTROL_PARAM_NAME) ||
            null != uri.get(CommonContext.MDC_CONTROL_MODE_PARAM_NAME);
    }

    /**
     * Checks that a multi-destination endpoint has a form Petrel serves: {@code control=host:port}, with
     * {@code control-mode=dynamic} to bind (optional to connect). Manual control is refused: its destinations are
     * added by hand, which Petrel's connect and bind do not express.
     *
     * @param binding true to bind, false to connect.
     * @throws TransportException with a one-line reason otherwise.
     */
    void checkMultiDestination(final boolean binding)
    {
        final String mode = uri.get(CommonContext.MDC_CONTROL_MODE_PARAM_NAME);
        final boolean dynamic = CommonContext.MDC_CONTROL_MODE_DYNAMIC.equals(mode);
        final boolean fits = null != uri.get(CommonContext.MDC_CONTROL_PARAM_NAME) &&
            (binding ? dynamic : null == mode || dynamic);
        if (!fits)
        {
            throw new TransportException("multi-destination Aeron endpoints are bound as " +
                "aeron:udp?control=host:port|control-mode=dynamic and connected to as aeron:udp?control=host:port " +
                "(manual control is not supported); refused " + (binding ? "binding " : "connecting to ") + uri);
        }
    }

    /**
     * @param socketType the socket that binds or connects.
     * @param binding    true to bind, false to connect.
     * @return true when the socket fans out through a multi-destination publication (a publisher binding) or
     *         receives from one (a subscriber connecting); every other socket is served
     *         {@link #pointToPoint() point to point}.
     */
    static boolean fansOut(final ZmtpSocketType socketType, final boolean binding)
    {
        return binding ? ZmtpSocketType.PUB == socketType : ZmtpSocketType.SUB == socketType;
    }

    /**
     * The channel that serves a multi-destination endpoint for a socket with no use for fan-out (push/pull and
     * request/reply, a binding subscriber, a connecting publisher), as over TCP: the binding side listens at the
     * control address and each connecting side links to it there.
     *
     * @return a unicast channel at the control address, with the other parameters and the stream id kept.
     */
    AeronChannel pointToPoint()
    {
        final ChannelUri copy = ChannelUri.parse(uri.toString());
        final String control = copy.remove(CommonContext.MDC_CONTROL_PARAM_NAME);
        copy.remove(CommonContext.MDC_CONTROL_MODE_PARAM_NAME);
        copy.put(CommonContext.ENDPOINT_PARAM_NAME, control);
        return new AeronChannel(copy, streamId);
    }

    /**
     * @param boundChannel the endpoint a point-to-point channel from {@link #pointToPoint()} bound.
     * @return the same endpoint in this multi-destination form, with the real port.
     */
    String boundControlEndpointOf(final String boundChannel)
    {
        return boundControlEndpoint(ChannelUri.parse(boundChannel).get(CommonContext.ENDPOINT_PARAM_NAME));
    }

    /**
     * @return the channel of a multi-destination publication: Petrel's default term length, and minimum flow
     *         control ({@code fc=min}) unless given, so the slowest live subscriber paces it and the driver counts
     *         the subscribers.
     */
    String fanOutPublicationChannel()
    {
        final ChannelUri copy = ChannelUri.parse(publicationChannel());
        if (!copy.containsKey(CommonContext.FLOW_CONTROL_PARAM_NAME))
        {
            copy.put(CommonContext.FLOW_CONTROL_PARAM_NAME, "min");
        }
        return copy.toString();
    }

    /**
     * @return the channel of a subscription to a multi-destination publication: as given without
     *         {@code control-mode}, with an ephemeral port on the local address that routes to the control address
     *         when no {@code endpoint} is given.
     */
    String fanInSubscriptionChannel()
    {
        final ChannelUri copy = ChannelUri.parse(uri.toString());
        copy.remove(CommonContext.MDC_CONTROL_MODE_PARAM_NAME);
        if (!copy.containsKey(CommonContext.ENDPOINT_PARAM_NAME))
        {
            copy.put(CommonContext.ENDPOINT_PARAM_NAME, hostText(localAddressTowardsTarget()) + ":0");
        }
        return copy.toString();
    }

    /**
     * Builds the endpoint a publisher reports after binding a multi-destination channel.
     *
     * @param controlAddress the control address the publication bound, with its real port.
     * @return the endpoint, with {@code stream-id} when it is not the default.
     */
    String boundControlEndpoint(final String controlAddress)
    {
        final ChannelUri bound = ChannelUri.parse(uri.toString());
        bound.put(CommonContext.MDC_CONTROL_PARAM_NAME, controlAddress);
        if (STREAM_ID_DEFAULT != streamId)
        {
            bound.put(STREAM_ID_PARAM_NAME, Integer.toString(streamId));
        }
        return bound.toString();
    }

    /**
     * @return the {@code control} address as given.
     */
    String controlAddress()
    {
        return uri.get(CommonContext.MDC_CONTROL_PARAM_NAME);
    }

    /**
     * @return the stream id.
     */
    int streamId()
    {
        return streamId;
    }

    /**
     * @return names the channel and stream uniquely, to refuse binding them twice in one node.
     */
    String key()
    {
        return uri + "#" + streamId;
    }

    /**
     * @return the channel for a subscription, exactly as given without {@code stream-id}.
     */
    String subscriptionChannel()
    {
        return uri.toString();
    }

    /**
     * @return the channel for a publication, with Petrel's default term length when none is given.
     */
    String publicationChannel()
    {
        final ChannelUri copy = ChannelUri.parse(uri.toString());
        if (!copy.containsKey(CommonContext.TERM_LENGTH_PARAM_NAME))
        {
            copy.put(CommonContext.TERM_LENGTH_PARAM_NAME, isUdp() ? UDP_TERM_LENGTH_DEFAULT : IPC_TERM_LENGTH_DEFAULT);
        }
        return copy.toString();
    }

    /**
     * Builds the endpoint text a socket reports after binding, with the port Aeron resolved.
     *
     * @param resolvedChannel the channel from {@code Subscription.tryResolveChannelEndpointPort()}.
     * @return the endpoint, with {@code stream-id} when it is not the default.
     */
    String boundEndpoint(final String resolvedChannel)
    {
        final ChannelUri bound = ChannelUri.parse(uri.toString());
        final String resolvedEndpoint = ChannelUri.parse(resolvedChannel).get(CommonContext.ENDPOINT_PARAM_NAME);
        if (null != resolvedEndpoint)
        {
            bound.put(CommonContext.ENDPOINT_PARAM_NAME, resolvedEndpoint);
        }
        if (STREAM_ID_DEFAULT != streamId)
        {
            bound.put(STREAM_ID_PARAM_NAME, Integer.toString(streamId));
        }
        return bound.toString();
    }

    /**
     * @return true when binding asks for an ephemeral UDP port ({@code endpoint}, or {@code control} for a
     *         multi-destination endpoint, with port 0), which Aeron resolves after binding; every such bind gets a
     *         port of its own.
     */
    boolean hasWildcardPort()
    {
        final String address = address();
        return isUdp() && null != address && address.endsWith(":0");
    }

    /**
     * @return the address this endpoint names: {@code control} for a multi-destination endpoint, else
     *         {@code endpoint}; null when it names none.
     */
    private String address()
    {
        return uri.get(
            isMultiDestination() ? CommonContext.MDC_CONTROL_PARAM_NAME : CommonContext.ENDPOINT_PARAM_NAME);
    }

    /**
     * The channel on which a connecting side receives the binder's replies: an ephemeral UDP port on the local
     * address that routes to the target, or IPC.
     *
     * @return the channel for the reply subscription.
     */
    String replySubscriptionChannel()
    {
        if (!isUdp())
        {
            return "aeron:ipc";
        }
        return "aeron:udp?endpoint=" + hostText(localAddressTowardsTarget()) + ":0";
    }

    /**
     * Turns the resolved reply subscription channel into the channel the binder publishes on: it carries the same
     * term length and MTU as this side's own publication, so both directions allow the same message size.
     *
     * @param resolvedReplyChannel the reply channel with its real port, or {@code aeron:ipc}.
     * @return the channel for the binder's reply publication.
     */
    String replyPublicationChannel(final String resolvedReplyChannel)
    {
        final ChannelUri reply = ChannelUri.parse(resolvedReplyChannel);
        final ChannelUri own = ChannelUri.parse(publicationChannel());
        reply.put(CommonContext.TERM_LENGTH_PARAM_NAME, own.get(CommonContext.TERM_LENGTH_PARAM_NAME));
        final String mtu = own.get(CommonContext.MTU_LENGTH_PARAM_NAME);
        if (null != mtu)
        {
            reply.put(CommonContext.MTU_LENGTH_PARAM_NAME, mtu);
        }
        return reply.toString();
    }

    /**
     * @return a stream id for an IPC reply subscription, unlikely to collide with any other in the same driver.
     */
    static int randomReplyStreamId()
    {
        return ThreadLocalRandom.current().nextInt(IPC_REPLY_STREAM_MIN, Integer.MAX_VALUE);
    }

    private InetAddress localAddressTowardsTarget()
    {
        final String interfaceText = uri.get(CommonContext.INTERFACE_PARAM_NAME);
        try
        {
            if (null != interfaceText)
            {
                final int slash = interfaceText.indexOf('/');
                final String host = -1 == slash ? interfaceText : interfaceText.substring(0, slash);
                return InetAddress.getByName(stripPort(host));
            }
            final InetSocketAddress target = targetAddress();
            if (target.getAddress().isLoopbackAddress())
            {
                return target.getAddress();
            }
            try (DatagramChannel probe = DatagramChannel.open())
            {
                probe.connect(target);
                return ((InetSocketAddress)probe.getLocalAddress()).getAddress();
            }
        }
        catch (final IOException ex)
        {
            throw new TransportException("no local address routes to " + uri + ": " + ex.getMessage(), ex);
        }
    }

    private InetSocketAddress targetAddress()
    {
        final String endpoint = address();
        if (null == endpoint)
        {
            throw new TransportException("an Aeron UDP endpoint to connect to needs endpoint=host:port: " + uri);
        }
        final int colon = endpoint.lastIndexOf(':');
        final String host = endpoint.substring(0, colon).replace("[", "").replace("]", "");
        final InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(endpoint.substring(colon + 1)));
        if (address.isUnresolved())
        {
            throw new TransportException("unknown host '" + host + "' in " + uri);
        }
        return address;
    }

    private static String stripPort(final String host)
    {
        final int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }

    private static String hostText(final InetAddress address)
    {
        final String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    @Override
    public String toString()
    {
        return uri + " stream " + streamId;
    }
}
