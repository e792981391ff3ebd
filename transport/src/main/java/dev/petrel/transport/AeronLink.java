package dev.petrel.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.function.IntSupplier;

import dev.petrel.transport.zmtp.FrameSink;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpDescriptor;
import dev.petrel.transport.zmtp.ZmtpFrameDecoder;
import dev.petrel.transport.zmtp.ZmtpMetadata;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One Petrel connection over Aeron: an outbound exclusive publication and an inbound image, both carrying
 * ZMTP-encoded messages.
 * <p>
 * Inbound fragments go straight into a ZMTP frame decoder, which reassembles messages itself, so no fragment
 * assembler is needed, and hands a message that fits one fragment to the socket in place, straight from the term
 * buffer. A message the socket cannot take yet stops the poll until it is taken; the poll then resumes inside the
 * same fragment. Outbound, the pipe's queued records are packed into batches of whole messages, one Aeron
 * fragment each, so a backlog of small messages costs Aeron one frame per batch rather than one per message; a
 * message larger than one fragment goes alone. Back pressure from Aeron aborts the drain, the batch waits for the
 * next one, and the pipe's high-water mark pushes back on the socket. The first message each way is a
 * {@link AeronHello}; its owner ({@link AeronAcceptor} or {@link AeronConnector}) drives the handshake and then
 * calls {@link #activate}.
 * <p>
 * Owned by the I/O thread, except the drain: a sending thread that finds the pipe's queue empty and no other thread
 * draining it encodes its message straight into the publication ({@link #writeIfIdle}), and one that queued a
 * message drains the pipe into the publication itself, so a message reaches Aeron without waiting for the I/O
 * thread's next duty cycle. A lock keeps one writer at a time, which the exclusive publication and the pipe's ring
 * require, and a message is written directly only when nothing is queued ahead of it.
 * <p>
 * Multi-destination pub/sub uses two one-way variants: a fan-out link ({@link #fanOut}) has only the publication
 * that reaches every subscriber, needs no receiver to stay open and drops what it sends while none is there; a
 * fan-in link has only an image (no publication, so what the socket queues on it is discarded) and skips
 * fragments until the first that begins a message, since it may join a stream in the middle of one.
 */
final class AeronLink implements FrameSink, ControlledFragmentHandler, ControlledMessageHandler, DirectWriter
{
    private static final int FRAGMENT_LIMIT = 64;
    private static final int DRAIN_LIMIT = 256;
    private static final int CLAIMED = 1;
    private static final int DISCARDED = 2;
    private static final int REFUSED = 0;
    private static final String PEER_CLOSED = "peer closed the connection";
    private static final VarHandle SENDER_DRAINS =
        VarHandles.field(MethodHandles.lookup(), "senderDrains", long.class);

    private final IoAgent agent;
    private final PipeHandler handler;
    private final String remoteAddress;
    private final String connectedEndpoint;
    private final ZmtpFrameDecoder decoder;
    private final BufferClaim claim = new BufferClaim();
    private final SpinTryLock drainLock = new SpinTryLock();
    private UnsafeBuffer batch;
    private int batchLength;
    private volatile boolean batchWaiting;
    private int resumeAt;
    private volatile long senderDrains;
    private long senderDrainsSeen;
    private ExpandableArrayBuffer chunks;
    private int chunksLength;
    private boolean chunksComplete;
    private ExclusivePublication publication;
    private Image image;
    private byte[] helloToSend;
    private boolean helloSent;
    private Map<String, String> peerHello;
    private IntSupplier receiverCount;
    private boolean skipToMessageStart;
    private volatile Pipe pipe;
    private volatile String failure;
    private volatile boolean closed;

    /**
     * @param remoteAddress     names the peer, unique among the socket's peers.
     * @param connectedEndpoint the endpoint this side connected to, or null on the binding side.
     */
    AeronLink(
        final IoAgent agent, final PipeHandler handler, final String remoteAddress, final String connectedEndpoint)
    {
        this.agent = agent;
        this.handler = handler;
        this.remoteAddress = remoteAddress;
        this.connectedEndpoint = connectedEndpoint;
        this.decoder = new ZmtpFrameDecoder(handler.settings().maxMessageLength());
    }

    void publication(final ExclusivePublication publication)
    {
        this.publication = publication;
    }

    void image(final Image image)
    {
        this.image = image;
    }

    /**
     * Makes this a fan-out link, whose publication reaches every subscriber of a multi-destination channel.
     *
     * @param receiverCount how many subscribers the publication reaches now.
     */
    void fanOut(final IntSupplier receiverCount)
    {
        this.receiverCount = receiverCount;
    }

    /**
     * Makes this a fan-in link, which may join its image in the middle of a fragmented message.
     */
    void joinMidStream()
    {
        skipToMessageStart = true;
    }

    boolean hasImage()
    {
        return null != image;
    }

    /**
     * @param hello the encoded HELLO to send as soon as the publication is connected.
     */
    void helloToSend(final byte[] hello)
    {
        this.helloToSend = hello;
    }

    /**
     * @return true once this side's HELLO has been sent.
     */
    boolean isHelloSent()
    {
        return helloSent;
    }

    /**
     * @return true when a HELLO waits to be sent.
     */
    boolean hasHelloToSend()
    {
        return null != helloToSend;
    }

    /**
     * @return the peer's HELLO properties, or null before it arrived.
     */
    Map<String, String> peerHello()
    {
        return peerHello;
    }

    boolean isActive()
    {
        return null != pipe && !closed;
    }

    boolean isClosed()
    {
        return closed;
    }

    boolean hasQueued()
    {
        return null != pipe && !closed && (batchWaiting || pipe.hasQueued());
    }

    /**
     * Sends this side's HELLO if it waits and the publication is connected.
     *
     * @return work done.
     */
    int sendHello()
    {
        if (null == helloToSend || null == publication || !publication.isConnected())
        {
            return 0;
        }
        final long result = publication.offer(new UnsafeBuffer(helloToSend));
        if (result > 0)
        {
            helloToSend = null;
            helloSent = true;
            return 1;
        }
        if (Publication.BACK_PRESSURED != result && Publication.ADMIN_ACTION != result &&
            Publication.NOT_CONNECTED != result)
        {
            failure = "publication failed: " + Publication.errorString(result);
        }
        return 0;
    }

    /**
     * The handshake is done: creates the pipe and hands it to the socket.
     *
     * @param handshake what the peer announced.
     */
    void activate(final PeerHandshake handshake)
    {
        pipe = new Pipe(handler.settings(), this::onOffered, remoteAddress, connectedEndpoint, handshake);
        pipe.directWriter(this);
        if (null != receiverCount)
        {
            pipe.fanOut(receiverCount);
        }
        pipe.bind(() -> agent.execute(() -> close("closed by the socket", false)), this);
        handler.onPipeAttached(pipe);
    }

    /**
     * Takes what arrived from the peer.
     *
     * @return work done.
     */
    int poll()
    {
        if (closed || null == image)
        {
            return 0;
        }
        if (decoder.hasPending() && !decoder.retryPending(this))
        {
            return 0;
        }
        // a message refused in place was not consumed: the poll offers the same fragment again
        return image.controlledPoll(this, FRAGMENT_LIMIT);
    }

    /**
     * Takes what arrived from the peer once the handshake is done, for a second look in the same duty cycle.
     *
     * @return work done.
     */
    int pollActive()
    {
        return isActive() ? poll() : 0;
    }

    /**
     * Offers queued messages to the publication.
     *
     * @return work done.
     */
    int flush()
    {
        if (!hasQueued() || isSenderDraining() || !drainLock.tryLock())
        {
            return 0;
        }
        try
        {
            return closed ? 0 : drainQueued();
        }
        finally
        {
            drainLock.unlock();
        }
    }

    /**
     * Called on the sending thread after it queued a message: offers the queue to the publication unless another
     * thread is doing so, then wakes the I/O thread, which runs the embedded driver that moves the message on and
     * retries what Aeron refused.
     */
    private void onOffered()
    {
        helpDrain();
        agent.wake();
    }

    @Override
    public void helpDrain()
    {
        if (drainLock.tryLock())
        {
            try
            {
                if (!closed)
                {
                    drainQueued();
                    SENDER_DRAINS.setRelease(this, senderDrains + 1);
                }
            }
            finally
            {
                drainLock.unlock();
            }
        }
    }

    /**
     * A sending thread that drained the queue since the I/O thread last looked is still at it (it drains after
     * each message it queues and before each wait for room), so the I/O thread, which also runs the embedded
     * driver, leaves the queue to it and drains only once a duty cycle has passed without the sender doing so.
     */
    private boolean isSenderDraining()
    {
        final long drains = (long)SENDER_DRAINS.getAcquire(this);
        if (drains == senderDrainsSeen)
        {
            return false;
        }
        senderDrainsSeen = drains;
        return true;
    }

    /**
     * Moves queued records into batches and offers them, under the drain lock.
     *
     * @return records taken from the pipe.
     */
    private int drainQueued()
    {
        final int drained = batchLength > 0 && !offerBatch() ? 0 : pipe.drain(DRAIN_LIMIT);
        if (batchLength > 0)
        {
            offerBatch();
        }
        return drained;
    }

    @Override
    public int maxDirectLength()
    {
        final ExclusivePublication current = publication;
        return null == current ? 0 : current.maxPayloadLength();
    }

    @Override
    public boolean writeIfIdle(final OutboundFrames frames, final int encodedLength)
    {
        final int claimed = claimIfIdle(encodedLength);
        if (CLAIMED == claimed)
        {
            try
            {
                Pipe.encodeInto(frames, claim.buffer(), claim.offset());
            }
            finally
            {
                commitClaimed();
            }
        }
        return REFUSED != claimed;
    }

    @Override
    public boolean writeIfIdle(
        final DirectBuffer head, final int headLength, final DirectBuffer body, final int offset, final int length)
    {
        final long encodedLength = Pipe.encodedLength(headLength, length);
        if (encodedLength > maxDirectLength())
        {
            return false;
        }
        final int claimed = claimIfIdle((int)encodedLength);
        if (CLAIMED == claimed)
        {
            try
            {
                Pipe.encodeInto(claim.buffer(), claim.offset(), head, headLength, body, offset, length);
            }
            finally
            {
                commitClaimed();
            }
        }
        return REFUSED != claimed;
    }

    /**
     * Claims room in the publication for a message a sending thread writes directly, when nothing is queued ahead
     * of it and no other thread is draining. When room is claimed the drain lock stays held until
     * {@link #commitClaimed()}.
     *
     * @return {@link #CLAIMED}, {@link #DISCARDED} (a fan-out link with no subscriber drops the message, as its
     *         drain would) or {@link #REFUSED}.
     */
    private int claimIfIdle(final int encodedLength)
    {
        if (batchWaiting || pipe.hasQueued() || !drainLock.tryLock())
        {
            return REFUSED;
        }
        final long result;
        try
        {
            result = closed || batchLength > 0 || pipe.hasQueued() ?
                Publication.CLOSED : publication.tryClaim(encodedLength, claim);
        }
        catch (final RuntimeException ex)
        {
            drainLock.unlock();
            throw ex;
        }
        if (result > 0)
        {
            return CLAIMED;
        }
        drainLock.unlock();
        if (Publication.NOT_CONNECTED != result || null == receiverCount)
        {
            return REFUSED;
        }
        agent.wakeIfIdle();
        return DISCARDED;
    }

    private void commitClaimed()
    {
        claim.commit();
        drainLock.unlock();
        agent.wakeIfIdle();
    }

    /**
     * @return why the connection is broken, or null while it is healthy.
     */
    String failure()
    {
        if (null != failure)
        {
            return failure;
        }
        if (null != image && image.isEndOfStream())
        {
            return PEER_CLOSED;
        }
        if (null != image && image.isClosed())
        {
            return "peer went away";
        }
        if (isActive() && null == receiverCount && null != publication && !publication.isConnected())
        {
            return "peer no longer reachable";
        }
        return null;
    }

    @Override
    public ControlledFragmentHandler.Action onFragment(
        final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (decoder.hasPending() || null != failure || isAwaitingActivation())
        {
            return ControlledFragmentHandler.Action.ABORT;
        }
        if (skipToMessageStart)
        {
            if (0 == (header.flags() & FrameDescriptor.BEGIN_FRAG_FLAG))
            {
                return ControlledFragmentHandler.Action.CONTINUE;
            }
            skipToMessageStart = false;
        }
        final int start = resumeAt;
        final int consumed = decoder.decode(buffer, offset + start, length - start, this);
        if (consumed < 0)
        {
            failure = decoder.error();
            return ControlledFragmentHandler.Action.BREAK;
        }
        if (start + consumed < length)
        {
            // the socket refused a message in place: the poll offers this fragment again and decoding resumes there
            resumeAt = start + consumed;
            return ControlledFragmentHandler.Action.ABORT;
        }
        if (0 != start)
        {
            resumeAt = 0;
        }
        return decoder.hasPending() || isAwaitingActivation() ?
            ControlledFragmentHandler.Action.BREAK : ControlledFragmentHandler.Action.CONTINUE;
    }

    /**
     * Messages may follow the peer's HELLO at once; they wait in the image until the owner has checked the HELLO
     * and activated the link.
     */
    private boolean isAwaitingActivation()
    {
        return null == pipe && null != peerHello;
    }

    @Override
    public boolean onMessage(final InboundFrames frames)
    {
        if (null == pipe)
        {
            failure = "message received before the handshake completed";
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
                return onHello(buffer, offset, length);
            case ZmtpDescriptor.PING:
            case ZmtpDescriptor.PONG:
                return null;
            default:
                if (null == pipe)
                {
                    return "command " + name + " received before the handshake completed";
                }
                return handler.onCommand(pipe, name, buffer, offset, length);
        }
    }

    private String onHello(final DirectBuffer buffer, final int offset, final int length)
    {
        if (null != peerHello)
        {
            return "duplicate HELLO";
        }
        try
        {
            peerHello = ZmtpMetadata.decode(buffer, offset, length);
            return null;
        }
        catch (final IllegalArgumentException ex)
        {
            return "malformed HELLO: " + ex.getMessage();
        }
    }

    @Override
    public ControlledMessageHandler.Action onMessage(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (Pipe.RECORD_WHOLE == msgTypeId)
        {
            return stage(buffer, index, length);
        }
        if (batchLength > 0 && !offerBatch())
        {
            return ControlledMessageHandler.Action.ABORT;
        }
        if (!chunksComplete)
        {
            appendChunk(buffer, index, length);
            chunksComplete = Pipe.RECORD_LAST == msgTypeId;
        }
        if (!chunksComplete)
        {
            return ControlledMessageHandler.Action.CONTINUE;
        }
        final ControlledMessageHandler.Action action = offer(chunks, 0, chunksLength);
        if (ControlledMessageHandler.Action.ABORT != action)
        {
            chunksLength = 0;
            chunksComplete = false;
        }
        return action;
    }

    /**
     * Adds a whole message to the batch, offering the batch first when the message does not fit in it; a message
     * larger than one fragment is offered alone, after the batch.
     */
    private ControlledMessageHandler.Action stage(final DirectBuffer buffer, final int index, final int length)
    {
        if (null == publication)
        {
            return ControlledMessageHandler.Action.CONTINUE;
        }
        final int capacity = publication.maxPayloadLength();
        if (batchLength > 0 && batchLength + length > capacity && !offerBatch())
        {
            return ControlledMessageHandler.Action.ABORT;
        }
        if (length > capacity)
        {
            return offer(buffer, index, length);
        }
        if (null == batch)
        {
            batch = new UnsafeBuffer(new byte[capacity]);
        }
        batch.putBytes(batchLength, buffer, index, length);
        batchLength += length;
        return ControlledMessageHandler.Action.CONTINUE;
    }

    /**
     * @return true when the batch went to the publication (or was discarded by a fan-out link with no subscriber);
     *         false when it waits, because Aeron pushed back or the publication failed.
     */
    private boolean offerBatch()
    {
        final boolean sent = ControlledMessageHandler.Action.CONTINUE == offer(batch, 0, batchLength);
        if (sent)
        {
            batchLength = 0;
        }
        if (batchWaiting == sent)
        {
            batchWaiting = !sent;
        }
        return sent;
    }

    private void appendChunk(final DirectBuffer buffer, final int index, final int length)
    {
        if (null == chunks)
        {
            chunks = new ExpandableArrayBuffer(Math.max(64 * 1024, length * 2));
        }
        chunks.putBytes(chunksLength, buffer, index, length);
        chunksLength += length;
    }

    private ControlledMessageHandler.Action offer(final DirectBuffer buffer, final int index, final int length)
    {
        if (null == publication)
        {
            return ControlledMessageHandler.Action.CONTINUE;
        }
        if (length > publication.maxMessageLength())
        {
            agent.onError(new TransportException("dropped a message of " + length + " bytes to " + remoteAddress +
                ": the Aeron channel allows at most " + publication.maxMessageLength() +
                " bytes (term-length / 8); raise term-length"));
            return ControlledMessageHandler.Action.CONTINUE;
        }
        final long result;
        if (length <= publication.maxPayloadLength())
        {
            result = publication.tryClaim(length, claim);
            if (result > 0)
            {
                claim.buffer().putBytes(claim.offset(), buffer, index, length);
                claim.commit();
            }
        }
        else
        {
            result = publication.offer(buffer, index, length);
        }
        if (result > 0 || (Publication.NOT_CONNECTED == result && null != receiverCount))
        {
            return ControlledMessageHandler.Action.CONTINUE;
        }
        if (Publication.BACK_PRESSURED != result && Publication.ADMIN_ACTION != result)
        {
            failure = "publication failed: " + Publication.errorString(result);
        }
        return ControlledMessageHandler.Action.ABORT;
    }

    /**
     * Closes a broken connection, telling the node's listener unless the peer closed it in order or it never got
     * past the first HELLO.
     *
     * @param reason from {@link #failure()}.
     */
    void fail(final String reason)
    {
        close(reason, !PEER_CLOSED.equals(reason) && (isActive() || null != peerHello));
    }

    /**
     * Closes the connection: detaches the pipe and closes the publication. The image belongs to its subscription.
     *
     * @param reason why.
     * @param report true to tell the node's listener.
     */
    void close(final String reason, final boolean report)
    {
        if (closed)
        {
            return;
        }
        drainLock.lock();
        try
        {
            closed = true;
        }
        finally
        {
            drainLock.unlock();
        }
        if (null != pipe)
        {
            pipe.markClosed();
            handler.onPipeDetached(pipe);
        }
        CloseHelper.quietClose(publication);
        if (report)
        {
            agent.reportClosed(remoteAddress, reason);
        }
    }

    @Override
    public String toString()
    {
        return "AeronLink{" + remoteAddress + (isActive() ? " active" : "") + "}";
    }
}
