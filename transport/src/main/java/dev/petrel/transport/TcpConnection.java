package dev.petrel.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.petrel.transport.zmtp.FrameSink;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpDescriptor;
import dev.petrel.transport.zmtp.ZmtpFrameDecoder;
import dev.petrel.transport.zmtp.ZmtpFrameHeader;
import dev.petrel.transport.zmtp.ZmtpGreeting;
import dev.petrel.transport.zmtp.ZmtpMetadata;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One TCP connection speaking ZMTP 3.1: greeting, NULL handshake, frames, heartbeats, and the batched write path
 * that drains its pipe's queue into one large write. A message the I/O thread itself offers (a durable pusher's
 * dispatch, an acknowledgement, a reply) while nothing is queued goes straight into the write buffer, skipping the
 * pipe's ring, and leaves with the flush that ends the duty cycle. Owned by the I/O thread.
 */
final class TcpConnection implements FrameSink, ControlledMessageHandler, DirectWriter
{
    private enum State
    {
        GREETING, HANDSHAKE, ACTIVE, CLOSED
    }

    private static final int READ_BUFFER_LENGTH = 64 * 1024;
    private static final int MIN_WRITE_BUFFER_LENGTH = 256 * 1024;
    private static final int MAX_WRITE_BATCH_LENGTH = 256 * 1024;
    private static final long INLINE_WRITE_GAP_NS = 10_000;
    private static final int MAX_DIRECT_LENGTH = 16 * 1024;

    private final IoAgent agent;
    private final SocketChannel channel;
    private final PipeHandler handler;
    private final TransportSettings settings;
    private final TcpConnector connector;
    private final String remoteAddress;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_LENGTH);
    private final UnsafeBuffer readView = new UnsafeBuffer(readBuffer);
    private final ByteBuffer writeBuffer;
    private final UnsafeBuffer writeView;
    private final ZmtpFrameDecoder decoder;
    private SelectionKey key;
    private volatile State state = State.GREETING;
    private Pipe pipe;
    private int peerMinorVersion;
    private String protocolError;
    private byte[] pendingPong;
    private final long startNs;
    private long lastReceivedNs;
    private long lastPingNs;
    private long remoteTtlNs;
    private long lingerDeadlineNs;
    private boolean writeBlocked;
    private final ReentrantLock writeLock = new ReentrantLock();
    private boolean directWriting;
    private volatile String writeFailure;
    private ByteBuffer greetingRest;

    TcpConnection(
        final IoAgent agent,
        final SocketChannel channel,
        final PipeHandler handler,
        final TcpConnector connector,
        final String remoteAddress,
        final long nowNs)
    {
        this.agent = agent;
        this.channel = channel;
        this.handler = handler;
        this.settings = handler.settings();
        this.connector = connector;
        this.remoteAddress = remoteAddress;
        this.decoder = new ZmtpFrameDecoder(settings.maxMessageLength());
        this.writeBuffer = ByteBuffer.allocateDirect(
            Math.max(MIN_WRITE_BUFFER_LENGTH, settings.pipeBufferLength() / 8 + 64));
        this.writeView = new UnsafeBuffer(writeBuffer);
        this.startNs = nowNs;
        this.lastReceivedNs = nowNs;
        this.lastPingNs = nowNs;
    }

    void start(final SelectionKey key)
    {
        this.key = key;
        final ByteBuffer greeting = ByteBuffer.allocate(ZmtpDescriptor.GREETING_LENGTH);
        ZmtpGreeting.write(greeting, null == connector);
        greetingRest = greeting.flip().position(ZmtpGreeting.SIGNATURE_LENGTH).slice();
        writeBuffer.put(greeting.flip().limit(ZmtpGreeting.SIGNATURE_LENGTH));
        flush();
    }

    PipeHandler handler()
    {
        return handler;
    }

    TcpConnector connector()
    {
        return connector;
    }

    String remoteAddress()
    {
        return remoteAddress;
    }

    boolean isClosed()
    {
        return State.CLOSED == state;
    }

    boolean hasWritableWork()
    {
        if (State.CLOSED == state || writeBlocked)
        {
            return false;
        }
        return writeBuffer.position() > 0 || (null != pipe && pipe.hasQueued()) || null != pendingPong;
    }

    boolean hasPendingDelivery()
    {
        return decoder.hasPending();
    }

    void onReadable(final long nowNs)
    {
        if (decoder.hasPending() || State.CLOSED == state)
        {
            return;
        }
        final int read;
        try
        {
            read = channel.read(readBuffer);
        }
        catch (final IOException ex)
        {
            close("read failed: " + ex.getMessage(), true);
            return;
        }
        if (read < 0)
        {
            if (decoder.isMidMessage())
            {
                close("peer closed the connection in the middle of a message", true);
            }
            else
            {
                close("peer closed the connection", State.ACTIVE != state);
            }
            return;
        }
        if (read > 0)
        {
            lastReceivedNs = nowNs;
            process();
        }
    }

    private void process()
    {
        readBuffer.flip();
        if (State.GREETING == state && !readGreeting())
        {
            return;
        }
        if (State.GREETING != state && readBuffer.hasRemaining())
        {
            final int consumed = decoder.decode(readView, readBuffer.position(), readBuffer.remaining(), this);
            if (consumed < 0 || null != protocolError)
            {
                close(null != protocolError ? protocolError : decoder.error(), true);
                return;
            }
            readBuffer.position(readBuffer.position() + consumed);
        }
        readBuffer.compact();
    }

    /**
     * Reads the peer's greeting. Like libzmq and JeroMQ, the greeting goes out in two steps: the 10-byte signature
     * at once, the rest once the peer's signature has arrived (JeroMQ can stall when the whole greeting reaches it
     * before it has sent its own signature).
     */
    private boolean readGreeting()
    {
        final String early = ZmtpGreeting.checkPrefix(readBuffer, readBuffer.remaining());
        if (null != early)
        {
            close(early, true);
            return false;
        }
        if (null != greetingRest && readBuffer.remaining() >= ZmtpGreeting.SIGNATURE_LENGTH)
        {
            toFillMode();
            writeBuffer.put(greetingRest);
            greetingRest = null;
            flush();
        }
        if (readBuffer.remaining() < ZmtpDescriptor.GREETING_LENGTH)
        {
            readBuffer.position(readBuffer.limit());
            readBuffer.limit(readBuffer.capacity());
            return false;
        }
        final ByteBuffer greeting = readBuffer.slice().limit(ZmtpDescriptor.GREETING_LENGTH);
        final String reason = ZmtpGreeting.check(greeting);
        if (null != reason)
        {
            close(reason, true);
            return false;
        }
        peerMinorVersion = ZmtpGreeting.minorVersion(greeting);
        readBuffer.position(readBuffer.position() + ZmtpDescriptor.GREETING_LENGTH);
        state = State.HANDSHAKE;
        writeReady();
        return true;
    }

    private void writeReady()
    {
        final Map<String, String> properties = new LinkedHashMap<>();
        properties.put(ZmtpDescriptor.PROPERTY_SOCKET_TYPE, handler.socketType().name());
        properties.put(ZmtpDescriptor.PROPERTY_IDENTITY,
            new String(handler.identity(), StandardCharsets.ISO_8859_1));
        properties.put(ZmtpDescriptor.PROPERTY_PETREL, ZmtpDescriptor.PETREL_PROTOCOL_VERSION);
        final byte[] metadata = ZmtpMetadata.encode(properties);
        writeCommand(ZmtpDescriptor.READY, metadata, 0, metadata.length);
        flush();
    }

    private void toFillMode()
    {
        if (writeBlocked)
        {
            writeBuffer.compact();
            writeBlocked = false;
        }
    }

    private void writeCommand(final String name, final byte[] data, final int offset, final int length)
    {
        toFillMode();
        final int bodyLength = 1 + name.length() + length;
        int at = writeBuffer.position();
        at += ZmtpFrameHeader.write(writeView, at, bodyLength, false, true);
        writeView.putByte(at++, (byte)name.length());
        at += writeView.putStringWithoutLengthAscii(at, name);
        writeView.putBytes(at, data, offset, length);
        writeBuffer.position(at + length);
    }

    @Override
    public boolean onMessage(final InboundFrames frames)
    {
        if (State.ACTIVE != state)
        {
            protocolError = "message received before the handshake completed";
            return true;
        }
        return handler.onMessage(pipe, frames);
    }

    @Override
    public String onCommand(final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        switch (name)
        {
            case ZmtpDescriptor.READY:
                return State.HANDSHAKE == state ? onReady(buffer, offset, length) : "duplicate READY command";
            case ZmtpDescriptor.ERROR:
                final int reasonLength = length > 0 ? Math.min(buffer.getByte(offset) & 0xFF, length - 1) : 0;
                return "peer sent ERROR: " + buffer.getStringWithoutLengthAscii(offset + 1, reasonLength);
            case ZmtpDescriptor.PING:
                return onPing(buffer, offset, length);
            case ZmtpDescriptor.PONG:
                return null;
            default:
                if (State.ACTIVE != state)
                {
                    return "command " + name + " received before the handshake completed";
                }
                return handler.onCommand(pipe, name, buffer, offset, length);
        }
    }

    private String onReady(final DirectBuffer buffer, final int offset, final int length)
    {
        final Map<String, String> properties;
        try
        {
            properties = ZmtpMetadata.decode(buffer, offset, length);
        }
        catch (final IllegalArgumentException ex)
        {
            return "malformed READY: " + ex.getMessage();
        }
        final String typeName = properties.get(ZmtpDescriptor.PROPERTY_SOCKET_TYPE);
        final ZmtpSocketType peerType = null == typeName ? null : ZmtpSocketType.parse(typeName);
        if (null != typeName && null == peerType)
        {
            return sendErrorReason("unknown socket type " + typeName);
        }
        if (null != peerType && !handler.socketType().isCompatibleWith(peerType))
        {
            return sendErrorReason(
                "socket type " + peerType + " cannot talk to " + handler.socketType());
        }
        final String identity = properties.getOrDefault(ZmtpDescriptor.PROPERTY_IDENTITY, "");
        state = State.ACTIVE;
        pipe = new Pipe(settings, this::onOffered, remoteAddress, null == connector ? null : connector.endpoint(),
            new PeerHandshake(peerType, identity.getBytes(StandardCharsets.ISO_8859_1), properties,
            peerMinorVersion));
        pipe.bind(() -> agent.execute(() -> close("closed by the socket", false)), this);
        pipe.directWriter(this);
        if (null != connector)
        {
            connector.onHandshakeComplete();
        }
        handler.onPipeAttached(pipe);
        return null;
    }

    private String sendErrorReason(final String reason)
    {
        final byte[] text = reason.getBytes(StandardCharsets.US_ASCII);
        final byte[] data = new byte[1 + Math.min(255, text.length)];
        data[0] = (byte)(data.length - 1);
        System.arraycopy(text, 0, data, 1, data.length - 1);
        writeCommand(ZmtpDescriptor.ERROR, data, 0, data.length);
        flush();
        return reason;
    }

    private String onPing(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 2)
        {
            return "malformed PING";
        }
        remoteTtlNs = ZmtpFrameDecoder.uint16(buffer, offset) * 100_000_000L;
        final byte[] context = new byte[length - 2];
        buffer.getBytes(offset + 2, context);
        pendingPong = context;
        return null;
    }

    /**
     * Moves queued bytes to the socket: control frames, then as many queued messages as fit, in one write.
     *
     * @return work done.
     */
    int flush()
    {
        if (directWriting)
        {
            directWriting = false;
        }
        else if (!writeLock.tryLock())
        {
            return 0;
        }
        try
        {
            return flushLocked();
        }
        finally
        {
            writeLock.unlock();
        }
    }

    /**
     * Called on the sending thread after it queued a message. A message that starts a quiet period, when no one
     * else is writing and the socket is not blocked, is written by the sending thread itself: that saves the
     * hand-off to (and the wake-up of) the I/O thread, which is what a lone request or ping pays for. A message
     * that follows the node's previous one (to any peer) within {@link #INLINE_WRITE_GAP_NS} is part of a burst or
     * a fan-out and is left to the I/O thread, which batches it into few writes (one system call per small message
     * would cap throughput near 166k msg/s on these machines); in a burst the sending thread takes no lock at all.
     * A message the I/O thread queued itself (a durable pusher's dispatcher, a replier's reply) waits for the flush
     * that ends its duty cycle.
     */
    private void onOffered()
    {
        if (agent.isIoThread())
        {
            return;
        }
        if (agent.isQuietOffer(INLINE_WRITE_GAP_NS) && writeLock.tryLock())
        {
            try
            {
                if (State.ACTIVE == state && !writeBlocked)
                {
                    flushLocked();
                }
                if (!writeBlocked && !pipe.hasQueued())
                {
                    return;
                }
            }
            finally
            {
                writeLock.unlock();
            }
        }
        agent.wake();
    }

    @Override
    public int maxDirectLength()
    {
        return MAX_DIRECT_LENGTH;
    }

    /**
     * Encodes a message the I/O thread offers into the write buffer, when the pipe has nothing queued ahead of it
     * and the buffer is filling (not blocked) with room within one batch; other threads always use the ring.
     * The first such write takes the write lock and the I/O thread keeps it until its next {@link #flush()}, which
     * sends what the direct writes left: a dispatcher writing a burst pays for the lock once, not per message, and
     * meanwhile a sending thread's inline write finds the lock taken and wakes the I/O thread, as when it drains.
     */
    @Override
    public boolean writeIfIdle(final OutboundFrames frames, final int encodedLength)
    {
        if (claimDirect() < encodedLength)
        {
            return false;
        }
        final int at = writeBuffer.position();
        Pipe.encodeInto(frames, writeView, at);
        writeBuffer.position(at + encodedLength);
        return true;
    }

    /**
     * Room in the write buffer for messages the I/O thread encodes into it: none for another thread, while the
     * connection is not active or blocked, or while the pipe has something queued or half drained; else up to the
     * end of the batch. Takes the write lock as {@link #writeIfIdle(OutboundFrames, int)} describes.
     */
    @Override
    public int claimDirect()
    {
        if (!agent.isIoThread() || !(directWriting || writeLock.tryLock()))
        {
            return 0;
        }
        directWriting = true;
        if (State.ACTIVE != state || writeBlocked || pipe.hasQueued() || pipe.isMidMessage())
        {
            return 0;
        }
        return Math.max(0, Math.min(MAX_WRITE_BATCH_LENGTH - writeBuffer.position(), writeBuffer.remaining()));
    }

    @Override
    public MutableDirectBuffer directBuffer()
    {
        return writeView;
    }

    @Override
    public int directOffset()
    {
        return writeBuffer.position();
    }

    @Override
    public void commitDirect(final int length)
    {
        writeBuffer.position(writeBuffer.position() + length);
    }

    private int flushLocked()
    {
        if (State.CLOSED == state)
        {
            return 0;
        }
        if (writeBlocked && !writeOut())
        {
            return 0;
        }
        int work = 0;
        if (null != pipe)
        {
            writeControlFrames();
            work += pipe.drain(Integer.MAX_VALUE);
        }
        if (writeBuffer.position() > 0)
        {
            writeBuffer.flip();
            writeOut();
            work++;
        }
        return work;
    }

    private void writeControlFrames()
    {
        if (null != pendingPong && !pipe.isMidMessage() &&
            writeBuffer.remaining() > ZmtpFrameHeader.MAX_LENGTH + 5 + pendingPong.length)
        {
            writeCommand(ZmtpDescriptor.PONG, pendingPong, 0, pendingPong.length);
            pendingPong = null;
        }
    }

    /**
     * Writes the flipped write buffer. What the socket does not take stays in place, unmoved, until the socket is
     * writable again; only then is the buffer refilled.
     *
     * @return true when everything was written and the buffer is empty and ready to fill.
     */
    private boolean writeOut()
    {
        try
        {
            channel.write(writeBuffer);
        }
        catch (final IOException ex)
        {
            writeBuffer.clear();
            writeBlocked = false;
            if (agent.isIoThread())
            {
                close("write failed: " + ex.getMessage(), true);
            }
            else
            {
                writeFailure = "write failed: " + ex.getMessage();
                agent.wake();
            }
            return false;
        }
        final boolean blocked = writeBuffer.hasRemaining();
        if (!blocked)
        {
            writeBuffer.clear();
        }
        writeBlocked = blocked;
        final int ops = SelectionKey.OP_READ | (blocked ? SelectionKey.OP_WRITE : 0);
        if (key.isValid() && key.interestOps() != ops)
        {
            key.interestOps(ops);
        }
        return !blocked;
    }

    @Override
    public Action onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (writeBuffer.remaining() < length || writeBuffer.position() >= MAX_WRITE_BATCH_LENGTH)
        {
            return Action.ABORT;
        }
        final int at = writeBuffer.position();
        writeView.putBytes(at, buffer, index, length);
        writeBuffer.position(at + length);
        return Action.CONTINUE;
    }

    /**
     * Timers and deferred deliveries.
     *
     * @param nowNs the current time.
     * @return work done.
     */
    int onTick(final long nowNs)
    {
        if (State.CLOSED == state)
        {
            return 0;
        }
        final String failure = writeFailure;
        if (null != failure)
        {
            close(failure, true);
            return 1;
        }
        if (decoder.hasPending())
        {
            if (!decoder.retryPending(this))
            {
                return 0;
            }
            process();
            return 1;
        }
        if (State.ACTIVE != state)
        {
            if (nowNs - startNs > settings.handshakeTimeoutNs())
            {
                close("handshake timed out", true);
            }
            return 0;
        }
        return heartbeat(nowNs);
    }

    private int heartbeat(final long nowNs)
    {
        final long intervalNs = settings.heartbeatIntervalNs();
        final long silenceLimitNs = remoteTtlNs > 0 ? remoteTtlNs : intervalNs > 0 ? settings.heartbeatTimeoutNs() : 0;
        if (silenceLimitNs > 0 && nowNs - lastReceivedNs > silenceLimitNs + Math.max(intervalNs, 0))
        {
            close("heartbeat timeout: nothing received for " + (nowNs - lastReceivedNs) / 1_000_000 + " ms", true);
            return 1;
        }
        if (intervalNs > 0 && nowNs - lastPingNs >= intervalNs && !pipe.isMidMessage() && !writeBlocked &&
            writeBuffer.remaining() > 16)
        {
            lastPingNs = nowNs;
            final int ttlDeciseconds = (int)Math.min(0xFFFF, settings.heartbeatTimeoutNs() / 100_000_000L);
            final byte[] ttl = { (byte)(ttlDeciseconds >>> 8), (byte)ttlDeciseconds };
            writeLock.lock();
            try
            {
                writeCommand(ZmtpDescriptor.PING, ttl, 0, 2);
                flushLocked();
            }
            finally
            {
                writeLock.unlock();
            }
            return 1;
        }
        return 0;
    }

    /**
     * Starts an orderly close that first lets queued messages reach the network.
     *
     * @param deadlineNs when to give up waiting.
     */
    void linger(final long deadlineNs)
    {
        lingerDeadlineNs = deadlineNs;
    }

    /**
     * @param nowNs the current time.
     * @return true when a lingering connection has sent everything or run out of time.
     */
    boolean lingerDone(final long nowNs)
    {
        final boolean empty = !writeBlocked && writeBuffer.position() == 0 && (null == pipe || !pipe.hasQueued());
        return empty || nowNs - lingerDeadlineNs > 0;
    }

    void close(final String reason, final boolean report)
    {
        if (State.CLOSED == state)
        {
            return;
        }
        final boolean wasActive = State.ACTIVE == state;
        state = State.CLOSED;
        if (null != key)
        {
            key.cancel();
        }
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // closing a socket that failed: nothing more to do
        }
        if (null != pipe)
        {
            pipe.markClosed();
            handler.onPipeDetached(pipe);
        }
        agent.onConnectionClosed(this, reason, report, wasActive);
    }
}
