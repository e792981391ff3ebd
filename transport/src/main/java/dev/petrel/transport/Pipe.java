package dev.petrel.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import dev.petrel.transport.zmtp.ZmtpFrameHeader;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * One connected peer as a socket sees it: an outbound queue of ZMTP-encoded messages, drained by the I/O thread,
 * and what the handshake told about the peer.
 * <p>
 * Threading: {@link #offer} is called by one application thread at a time (the owning socket serialises senders);
 * draining runs on the node's I/O thread. Outbound data is held in a ring buffer of encoded frames, so a burst of
 * messages leaves in few system calls.
 */
public final class Pipe implements ControlledMessageHandler
{
    /** {@link #offer} result: the message is queued. */
    public static final int OK = 0;
    /** {@link #offer} result: the pipe is at its high-water mark. */
    public static final int BACK_PRESSURED = -2;
    /** {@link #offer} result: the pipe is closed. */
    public static final int CLOSED = -4;

    static final int RECORD_WHOLE = 1;
    static final int RECORD_CHUNK = 2;
    static final int RECORD_LAST = 3;
    /** A message handed over by reference: the record is empty and the object waits in the pipe's object queue. */
    static final int RECORD_OBJECT = 4;
    private static final int RECORD_SLOT = 8;

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();
    private static final VarHandle OFFERED = VarHandles.field(MethodHandles.lookup(), "offered", long.class);
    private static final VarHandle DRAINED = VarHandles.field(MethodHandles.lookup(), "drained", long.class);

    private final long id = IDS.incrementAndGet();
    private final OneToOneRingBuffer ring;
    private final int highWaterMark;
    private final Runnable waker;
    private final String remoteAddress;
    private final String connectedEndpoint;
    private final ZmtpSocketType peerSocketType;
    private final byte[] peerIdentity;
    private final Map<String, String> peerProperties;
    private final int peerMinorVersion;
    private final boolean petrelPeer;
    private final AtomicInteger dropOldestRequests = new AtomicInteger();
    private volatile long offered;
    private volatile long drained;
    private volatile boolean closed;
    private Runnable closer;
    private ControlledMessageHandler drainTarget;
    private boolean midMessage;
    private volatile Object attachment;
    private IntSupplier receiverCount;
    private OneToOneConcurrentArrayQueue<Object> objects;
    private DirectWriter directWriter;

    /**
     * @param config            transport settings (high-water mark, buffer length).
     * @param waker             wakes the I/O thread after an offer.
     * @param remoteAddress     a readable description of the peer.
     * @param connectedEndpoint the endpoint this side connected to, or null when the peer connected to us.
     * @param handshake         what the peer announced.
     */
    Pipe(
        final TransportSettings config,
        final Runnable waker,
        final String remoteAddress,
        final String connectedEndpoint,
        final PeerHandshake handshake)
    {
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(config.pipeBufferLength() + RingBufferDescriptor.TRAILER_LENGTH)));
        this.highWaterMark = config.sendHighWaterMark();
        this.waker = waker;
        this.remoteAddress = remoteAddress;
        this.connectedEndpoint = connectedEndpoint;
        this.peerSocketType = handshake.socketType();
        this.peerIdentity = handshake.identity();
        this.peerProperties = handshake.properties();
        this.peerMinorVersion = handshake.minorVersion();
        this.petrelPeer = peerProperties.containsKey(dev.petrel.transport.zmtp.ZmtpDescriptor.PROPERTY_PETREL);
    }

    /**
     * Makes this a fan-out pipe; called before the socket sees the pipe.
     *
     * @param receiverCount how many receivers the pipe reaches now.
     */
    void fanOut(final IntSupplier receiverCount)
    {
        this.receiverCount = receiverCount;
    }

    /**
     * A fan-out pipe sends each message once into a multi-destination Aeron publication that every subscriber of the
     * channel receives; the receivers, not the sender, filter by subject, and no subscriptions come back on it.
     *
     * @return true for a fan-out pipe.
     */
    public boolean isFanOut()
    {
        return null != receiverCount;
    }

    /**
     * @return how many receivers a message offered now would reach: the live subscribers of a fan-out pipe's
     *         channel as the media driver counts them, otherwise 1.
     */
    public int receiverCount()
    {
        return null == receiverCount ? 1 : receiverCount.getAsInt();
    }

    /**
     * Lets this pipe hand messages over by reference (an in-process peer that takes objects); called before the
     * socket sees the pipe.
     */
    void carryObjects()
    {
        objects = new OneToOneConcurrentArrayQueue<>(Math.min(highWaterMark, ring.capacity() / RECORD_SLOT));
    }

    /**
     * @return true when a message offered with {@link OutboundFrames#handOff(Object)} reaches the peer as that same
     *         object, uncopied; sockets build the object only then.
     */
    public boolean carriesObjects()
    {
        return null != objects;
    }

    /**
     * Lets senders write straight into the medium when nothing is queued ahead of them; called before the socket
     * sees the pipe.
     *
     * @param writer the medium's writer.
     */
    void directWriter(final DirectWriter writer)
    {
        this.directWriter = writer;
    }

    void bind(final Runnable closer, final ControlledMessageHandler drainTarget)
    {
        this.closer = closer;
        this.drainTarget = drainTarget;
    }

    /**
     * Queues one message for sending. Never blocks for small messages; a message larger than a ring record is
     * written in chunks and waits for room between them.
     *
     * @param frames the message.
     * @return {@link #OK}, {@link #BACK_PRESSURED} or {@link #CLOSED}.
     */
    public int offer(final OutboundFrames frames)
    {
        return offer(frames, false);
    }

    /**
     * Writes a message of two frames, a head and a body, straight into the medium when it takes direct writes from
     * the calling thread and nothing is queued ahead of the message, with no {@link OutboundFrames} to fill: the
     * fast path of a small message to an Aeron peer. When it returns false nothing was written, and the caller
     * offers the message through {@link #offer(OutboundFrames)}.
     *
     * @param head       the first frame.
     * @param headLength its length, from offset zero.
     * @param body       holding the second frame.
     * @param offset     where it starts.
     * @param length     its length.
     * @return true when written.
     */
    public boolean writeIfIdle(
        final DirectBuffer head, final int headLength, final DirectBuffer body, final int offset, final int length)
    {
        return null != directWriter && !closed && directWriter.writeIfIdle(head, headLength, body, offset, length);
    }

    /**
     * For the I/O thread: room to write encoded messages straight into the medium, one after another from
     * {@link #directOffset()} of {@link #directBuffer()}, skipping the queue, which must be empty, as with the write
     * of {@link #tryOffer(OutboundFrames)} when nothing is queued; {@link #commitDirect(int)} takes them. Each
     * message goes whole, encoded as {@link #encode(OutboundFrames)} encodes it.
     *
     * @return how many bytes may be written; zero when the medium takes no such writes now.
     */
    public int claimDirect()
    {
        return null == directWriter || closed ? 0 : directWriter.claimDirect();
    }

    /**
     * @return where the writes of {@link #claimDirect()} go.
     */
    public MutableDirectBuffer directBuffer()
    {
        return directWriter.directBuffer();
    }

    /**
     * @return the offset in {@link #directBuffer()} where the room of {@link #claimDirect()} starts.
     */
    public int directOffset()
    {
        return directWriter.directOffset();
    }

    /**
     * Takes the messages written into the room of {@link #claimDirect()}.
     *
     * @param length their bytes, at most the room.
     */
    public void commitDirect(final int length)
    {
        directWriter.commitDirect(length);
    }

    private int offer(final OutboundFrames frames, final boolean wholeRecordOnly)
    {
        if (closed)
        {
            return CLOSED;
        }
        if (offered - drained >= highWaterMark)
        {
            return BACK_PRESSURED;
        }
        if (null != objects && null != frames.handOff())
        {
            return offerObject(frames.handOff());
        }
        final long encodedLength = encodedLength(frames);
        if (null != directWriter && encodedLength <= directWriter.maxDirectLength() &&
            directWriter.writeIfIdle(frames, (int)encodedLength))
        {
            return OK;
        }
        if (encodedLength <= ring.maxMsgLength())
        {
            final int index = ring.tryClaim(RECORD_WHOLE, (int)encodedLength);
            if (index <= 0)
            {
                return BACK_PRESSURED;
            }
            encodeInto(frames, ring.buffer(), index);
            ring.commit(index);
        }
        else if (wholeRecordOnly)
        {
            return BACK_PRESSURED;
        }
        else if (!offerChunked(frames, encodedLength))
        {
            return CLOSED;
        }
        OFFERED.setRelease(this, offered + 1);
        waker.run();
        return OK;
    }

    /**
     * Queues the object and, in the ring, an empty record that keeps its place in the order of messages.
     */
    private int offerObject(final Object message)
    {
        final int index = ring.tryClaim(RECORD_OBJECT, 0);
        if (index <= 0)
        {
            return BACK_PRESSURED;
        }
        if (!objects.offer(message))
        {
            ring.abort(index);
            return BACK_PRESSURED;
        }
        ring.commit(index);
        OFFERED.setRelease(this, offered + 1);
        waker.run();
        return OK;
    }

    /**
     * @return the object of the {@link #RECORD_OBJECT} being drained; it stays queued until {@link #takeObject}.
     */
    Object peekObject()
    {
        return objects.peek();
    }

    /**
     * Removes the object of the {@link #RECORD_OBJECT} just drained.
     */
    void takeObject()
    {
        objects.poll();
    }

    /**
     * Queues a message only if it fits one record and there is room now; never waits. For the I/O thread, which
     * must not wait on its own pipes.
     *
     * @param frames the message.
     * @return {@link #OK}, {@link #BACK_PRESSURED} (also when too large for one record) or {@link #CLOSED}.
     */
    public int tryOffer(final OutboundFrames frames)
    {
        return offer(frames, true);
    }

    private static long encodedLength(final OutboundFrames frames)
    {
        if (frames.isEncoded())
        {
            return frames.length(0);
        }
        long length = 0;
        for (int i = 0, n = frames.count(); i < n; i++)
        {
            length += ZmtpFrameHeader.length(frames.length(i)) + frames.length(i);
        }
        return length;
    }

    /**
     * Encodes a message as ZMTP frames.
     *
     * @param frames the message.
     * @param dst    where to write it, with room for {@link #encodedLength(OutboundFrames)} bytes.
     * @param index  where it starts.
     */
    static void encodeInto(final OutboundFrames frames, final MutableDirectBuffer dst, final int index)
    {
        if (frames.isEncoded())
        {
            dst.putBytes(index, frames.buffer(0), frames.offset(0), frames.length(0));
            return;
        }
        int at = index;
        final int last = frames.count() - 1;
        for (int i = 0; i <= last; i++)
        {
            final int length = frames.length(i);
            at += ZmtpFrameHeader.write(dst, at, length, i < last, frames.isCommand());
            dst.putBytes(at, frames.buffer(i), frames.offset(i), length);
            at += length;
        }
    }

    /**
     * @param headLength the length of a message's first frame.
     * @param bodyLength the length of its second and last frame.
     * @return the message's length once encoded as ZMTP frames.
     */
    public static long encodedLength(final int headLength, final int bodyLength)
    {
        return (long)ZmtpFrameHeader.length(headLength) + headLength + ZmtpFrameHeader.length(bodyLength) + bodyLength;
    }

    /**
     * Encodes a message of two frames, {@link #encodeInto(OutboundFrames, MutableDirectBuffer, int)} without a frame
     * list.
     *
     * @param dst        where to write it, with room for {@link #encodedLength(int, int)} bytes.
     * @param index      where it starts.
     * @param head       the first frame.
     * @param headLength its length, from offset zero.
     * @param body       holding the second frame.
     * @param offset     where it starts.
     * @param length     its length.
     */
    static void encodeInto(
        final MutableDirectBuffer dst, final int index, final DirectBuffer head, final int headLength,
        final DirectBuffer body, final int offset, final int length)
    {
        int at = index + ZmtpFrameHeader.write(dst, index, headLength, true, false);
        dst.putBytes(at, head, 0, headLength);
        at += headLength;
        at += ZmtpFrameHeader.write(dst, at, length, false, false);
        dst.putBytes(at, body, offset, length);
    }

    /**
     * Encodes a message into one array, for callers that write it later with {@link #offerPart}.
     *
     * @param frames the message.
     * @return the encoded bytes.
     */
    public static byte[] encode(final OutboundFrames frames)
    {
        final long length = encodedLength(frames);
        if (length > Integer.MAX_VALUE - 16)
        {
            throw new IllegalArgumentException("message too large: " + length + " bytes");
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[(int)length]);
        encodeInto(frames, buffer, 0);
        return buffer.byteArray();
    }

    /**
     * Writes as much of an encoded message as there is room for, without waiting; call again with the returned
     * position until it equals the length. Only one message may be in progress at a time, and no other offers may
     * interleave with it: for a pipe whose only writer is the I/O thread.
     *
     * @param encoded  the bytes from {@link #encode}.
     * @param position how much was written by earlier calls.
     * @return the new position, or {@link #CLOSED}.
     */
    public int offerPart(final byte[] encoded, final int position)
    {
        if (closed)
        {
            return CLOSED;
        }
        final int max = ring.maxMsgLength();
        int at = position;
        while (at < encoded.length)
        {
            final int length = Math.min(max, encoded.length - at);
            final boolean last = at + length == encoded.length;
            final int type = 0 == at && last ? RECORD_WHOLE : last ? RECORD_LAST : RECORD_CHUNK;
            final int index = ring.tryClaim(type, length);
            if (index <= 0)
            {
                break;
            }
            ring.buffer().putBytes(index, encoded, at, length);
            ring.commit(index);
            at += length;
            if (last)
            {
                OFFERED.setRelease(this, offered + 1);
            }
        }
        if (at > position)
        {
            waker.run();
        }
        return at;
    }

    private boolean offerChunked(final OutboundFrames frames, final long encodedLength)
    {
        final ChunkWriter writer = new ChunkWriter(ring, encodedLength, this::isClosed, waker);
        if (frames.isEncoded())
        {
            return writer.write(frames.buffer(0), frames.offset(0), frames.length(0)) && writer.finish();
        }
        final UnsafeBuffer headerBuffer = new UnsafeBuffer(new byte[ZmtpFrameHeader.MAX_LENGTH]);
        final int last = frames.count() - 1;
        for (int i = 0; i <= last; i++)
        {
            final int headerLength = ZmtpFrameHeader.write(
                headerBuffer, 0, frames.length(i), i < last, frames.isCommand());
            if (!writer.write(headerBuffer, 0, headerLength) ||
                !writer.write(frames.buffer(i), frames.offset(i), frames.length(i)))
            {
                return false;
            }
        }
        return writer.finish();
    }

    /**
     * Moves queued messages on from the calling thread where the medium allows it (an Aeron publication); a sender
     * held back by the high-water mark calls it before it waits for room.
     */
    public void helpDrain()
    {
        if (null != directWriter && !closed)
        {
            directWriter.helpDrain();
        }
    }

    /**
     * Asks the I/O thread to discard the oldest queued whole message (for the drop-oldest policy). One request is
     * outstanding at a time, so a sender that retries while the I/O thread catches up evicts one message, not one
     * per retry.
     *
     * @return true when this call made the request; false when one is still pending.
     */
    public boolean requestDropOldest()
    {
        final boolean requested = dropOldestRequests.compareAndSet(0, 1);
        waker.run();
        return requested;
    }

    /**
     * Drains queued records into the medium's handler; called on the I/O thread.
     *
     * @param limit most records to take.
     * @return records taken.
     */
    int drain(final int limit)
    {
        return ring.controlledRead(this, limit);
    }

    @Override
    public Action onMessage(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if ((RECORD_WHOLE == msgTypeId || RECORD_OBJECT == msgTypeId) && !midMessage &&
            dropOldestRequests.get() > 0)
        {
            if (RECORD_OBJECT == msgTypeId)
            {
                takeObject();
            }
            dropOldestRequests.decrementAndGet();
            DRAINED.setRelease(this, drained + 1);
            return Action.CONTINUE;
        }
        final Action action = drainTarget.onMessage(msgTypeId, buffer, index, length);
        if (Action.ABORT != action)
        {
            midMessage = RECORD_CHUNK == msgTypeId;
            if (RECORD_CHUNK != msgTypeId)
            {
                DRAINED.setRelease(this, drained + 1);
            }
        }
        return action;
    }

    /**
     * @return true when a multi-record message has been partly drained.
     */
    boolean isMidMessage()
    {
        return midMessage;
    }

    /**
     * @return true when records wait to be drained.
     */
    boolean hasQueued()
    {
        return ring.size() > 0;
    }

    /**
     * @return messages queued and not yet handed to the medium.
     */
    public long queued()
    {
        return offered - drained;
    }

    /**
     * @return the high-water mark in messages.
     */
    public int highWaterMark()
    {
        return highWaterMark;
    }

    /**
     * Closes the connection to this peer; the I/O thread tears it down.
     */
    public void close()
    {
        if (null != closer)
        {
            closer.run();
        }
    }

    void markClosed()
    {
        closed = true;
    }

    /**
     * @return true once the connection is gone.
     */
    public boolean isClosed()
    {
        return closed;
    }

    /**
     * @return a process-unique id.
     */
    public long id()
    {
        return id;
    }

    /**
     * @return a readable description of the peer (address or inproc name).
     */
    public String remoteAddress()
    {
        return remoteAddress;
    }

    /**
     * @return the endpoint this side connected to, or null when the peer connected to us.
     */
    public String connectedEndpoint()
    {
        return connectedEndpoint;
    }

    /**
     * @return a key that names the peer stably while it stays connected: its identity, else its endpoint.
     */
    public String peerKey()
    {
        if (peerIdentity.length > 0)
        {
            return new String(peerIdentity, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return null != connectedEndpoint ? connectedEndpoint : remoteAddress;
    }

    /**
     * @return the peer's socket type, or null when it announced none.
     */
    public ZmtpSocketType peerSocketType()
    {
        return peerSocketType;
    }

    /**
     * @return the peer's identity bytes (empty when none).
     */
    public byte[] peerIdentity()
    {
        return peerIdentity;
    }

    /**
     * @return every property of the peer's READY command.
     */
    public Map<String, String> peerProperties()
    {
        return peerProperties;
    }

    /**
     * @return true when the peer is Petrel (it announced {@code X-Petrel}), so richer features apply.
     */
    public boolean isPetrelPeer()
    {
        return petrelPeer;
    }

    /**
     * @return the ZMTP minor version the peer announced (0 for 3.0).
     */
    public int peerMinorVersion()
    {
        return peerMinorVersion;
    }

    /**
     * @return the socket layer's state for this pipe.
     */
    public Object attachment()
    {
        return attachment;
    }

    /**
     * @param attachment the socket layer's state for this pipe.
     */
    public void attachment(final Object attachment)
    {
        this.attachment = attachment;
    }

    @Override
    public String toString()
    {
        return "Pipe{" + id + " " + remoteAddress + (isPetrelPeer() ? " petrel" : " zmq") + "}";
    }
}
