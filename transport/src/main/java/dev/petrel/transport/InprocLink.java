package dev.petrel.transport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.transport.zmtp.FrameSink;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpDescriptor;
import dev.petrel.transport.zmtp.ZmtpFrameDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;

/**
 * Two sockets of one node joined in memory: each side's queued frames are decoded straight out of its pipe's
 * queue into the other side, with the same back pressure as TCP and no system call. A socket that takes objects
 * gets messages sent as objects by reference, with no copy and no decoding. Owned by the I/O thread.
 */
final class InprocLink
{
    private static final AtomicLong LINK_IDS = new AtomicLong();

    private final Side connecting;
    private final Side bound;
    private boolean closed;

    InprocLink(final IoAgent agent, final PipeHandler connectingHandler, final PipeHandler boundHandler,
        final String name)
    {
        final String endpoint = "inproc://" + name;
        connecting = new Side(agent, connectingHandler, boundHandler, endpoint, endpoint);
        bound = new Side(agent, boundHandler, connectingHandler, endpoint + "#" + LINK_IDS.incrementAndGet(), null);
        connecting.peer = bound;
        bound.peer = connecting;
        connecting.pipe.bind(() -> agent.execute(this::close), connecting);
        bound.pipe.bind(() -> agent.execute(this::close), bound);
    }

    static String incompatibility(final PipeHandler a, final PipeHandler b)
    {
        return a.socketType().isCompatibleWith(b.socketType()) ? null :
            "socket type " + a.socketType() + " cannot talk to " + b.socketType();
    }

    void attach()
    {
        connecting.handler.onPipeAttached(connecting.pipe);
        bound.handler.onPipeAttached(bound.pipe);
    }

    PipeHandler connectingHandler()
    {
        return connecting.handler;
    }

    PipeHandler boundHandler()
    {
        return bound.handler;
    }

    boolean isClosed()
    {
        return closed;
    }

    boolean hasQueued()
    {
        return !closed && (connecting.pipe.hasQueued() || bound.pipe.hasQueued());
    }

    int transfer()
    {
        if (closed)
        {
            return 0;
        }
        return connecting.transfer() + bound.transfer();
    }

    void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        connecting.pipe.markClosed();
        bound.pipe.markClosed();
        connecting.handler.onPipeDetached(connecting.pipe);
        bound.handler.onPipeDetached(bound.pipe);
    }

    /**
     * One direction: this side's pipe is drained into the peer side's handler.
     */
    private static final class Side implements ControlledMessageHandler, FrameSink
    {
        private final PipeHandler handler;
        private final Pipe pipe;
        private final ZmtpFrameDecoder decoder;
        private Side peer;

        /**
         * @param remoteAddress     names the peer; unique per link on the bound side, where every peer shares the
         *                          endpoint, so routing by peer (key affinity, per-peer drop counts) tells them apart.
         * @param connectedEndpoint the endpoint on the connecting side, null on the bound side.
         */
        Side(
            final IoAgent agent,
            final PipeHandler handler,
            final PipeHandler other,
            final String remoteAddress,
            final String connectedEndpoint)
        {
            this.handler = handler;
            final Map<String, String> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            properties.put(ZmtpDescriptor.PROPERTY_SOCKET_TYPE, other.socketType().name());
            properties.put(ZmtpDescriptor.PROPERTY_PETREL, ZmtpDescriptor.PETREL_PROTOCOL_VERSION);
            this.pipe = new Pipe(handler.settings(), agent::wake, remoteAddress, connectedEndpoint,
                new PeerHandshake(other.socketType(), other.identity(), properties, ZmtpDescriptor.MINOR_VERSION));
            this.decoder = new ZmtpFrameDecoder(handler.settings().maxMessageLength());
            if (other.acceptsObjects())
            {
                pipe.carryObjects();
            }
        }

        int transfer()
        {
            if (!peer.decoder.retryPending(peer))
            {
                return 0;
            }
            return pipe.drain(64);
        }

        @Override
        public Action onMessage(
            final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            if (peer.decoder.hasPending())
            {
                return Action.ABORT;
            }
            if (Pipe.RECORD_OBJECT == msgTypeId)
            {
                if (!peer.handler.onObject(peer.pipe, pipe.peekObject()))
                {
                    return Action.ABORT;
                }
                pipe.takeObject();
                return Action.CONTINUE;
            }
            final int consumed = peer.decoder.decode(buffer, index, length, peer);
            if (consumed < 0)
            {
                pipe.close();
                return Action.CONTINUE;
            }
            return consumed < length ? Action.ABORT : Action.CONTINUE;
        }

        @Override
        public boolean onMessage(final InboundFrames frames)
        {
            return handler.onMessage(pipe, frames);
        }

        @Override
        public String onCommand(final String name, final DirectBuffer buffer, final int offset, final int length)
        {
            return handler.onCommand(pipe, name, buffer, offset, length);
        }
    }
}
