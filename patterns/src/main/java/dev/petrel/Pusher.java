package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import dev.petrel.durability.DurableLog;
import dev.petrel.patterns.ConsistentHashRing;
import dev.petrel.patterns.Envelope;
import dev.petrel.patterns.EpochNanos;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Distributes work to pullers: round-robin across connected peers, skipping a peer at its high-water mark.
 * {@link #send(byte[], byte[])} sends by key: messages with the same key go to the same puller, in order, while
 * the set of pullers is stable (consistent hashing, so a puller joining or leaving moves only its share).
 * <p>
 * When no peer has room the {@link BackPressurePolicy} decides; the default blocks up to the send timeout and
 * then throws {@link BackPressureException}. Thread-safe.
 * <p>
 * A {@link #durable(DurableLog.Context) durable} pusher appends each message to a side log before it is sent and
 * delivers it at least once to the Petrel pullers that announced themselves as durable receivers (see
 * {@link Puller#durable(String, java.nio.file.Path)}), resuming after either side restarts.
 */
public final class Pusher extends SocketBase
{
    private static final Map<String, String> NO_HEADERS = Map.of();

    private final Waiter waiter = new Waiter();
    /** When the send in progress began, its publish timestamp; guarded by the send lock. */
    private long sendStartNs;
    private final UnsafeBuffer payloadView = new UnsafeBuffer(new byte[0]);
    private BackPressurePolicy policy = BackPressurePolicy.BLOCK;
    private ConsistentHashRing<Pipe> ring;
    private Pipe[] ringMembers;
    private int next;
    private DurableSender durable;

    Pusher(final Node node)
    {
        super(node);
    }

    /**
     * Makes this pusher durable; call before the first bind or connect. Each message is appended to the log (its
     * sequence travels with it) before the send returns, then delivered from the log by the I/O thread to one
     * connected durable puller at a time, round robin. A puller's cumulative acknowledgement settles what it was
     * sent; what a puller held when it disconnected, or held unacknowledged past the
     * {@link #redeliveryTimeout(Duration) redelivery timeout}, is delivered again; after
     * {@link #maxDeliveries(int) max deliveries} a message moves to the log's dead-letter log. Each durable puller's
     * cursor in the log holds the sequence up to which everything is acknowledged, so a restarted pusher resumes
     * there (messages acknowledged past it may come again; pullers drop them as duplicates) and retention frees
     * segments only below it.
     * <p>
     * Durable sends always block at the high-water mark of unsent messages, up to the send timeout, whatever the
     * back-pressure policy: the pusher's own {@link #sendHighWaterMark(int)} when set, otherwise the larger of the
     * node's and 8,192 (twice the in-flight window, as the messages are already safe in the log). Keyed sends and
     * headers are not supported. Plain ZeroMQ pullers and Petrel pullers that are not durable receive nothing from
     * a durable pusher. The log is closed with the pusher.
     *
     * @param ctx configuration of the side log (directory, fsync policy, segment length, retention).
     * @return this.
     * @throws dev.petrel.durability.exceptions.DurabilityException if the log cannot be opened.
     * @since 0.1.0
     */
    public Pusher durable(final DurableLog.Context ctx)
    {
        return durable(ctx, EncodedTail.DEFAULT_SLOTS, EncodedTail.DEFAULT_SLOT_LENGTH);
    }

    /**
     * {@link #durable(DurableLog.Context)} with an {@link EncodedTail} of a chosen size (tests that make it leave
     * records out).
     *
     * @param tailSlots      how many slots, a power of two.
     * @param tailSlotLength the longest encoded message a slot takes.
     */
    Pusher durable(final DurableLog.Context ctx, final int tailSlots, final int tailSlotLength)
    {
        checkNotStarted();
        if (null != durable)
        {
            throw new IllegalStateException("the pusher is already durable");
        }
        durable = new DurableSender(this, ctx, (sender, log, producerId, base) -> new DurableDispatcher(
            sender, log, producerId, base, PushRoute.INSTANCE,
            new EncodedTail(PushRoute.INSTANCE, tailSlots, tailSlotLength, base)));
        return this;
    }

    /**
     * @param timeout how long a durable puller may hold a message without acknowledging it before it is delivered
     *                again (default 30 s); call after {@link #durable(DurableLog.Context)}.
     * @return this.
     * @since 0.1.0
     */
    public Pusher redeliveryTimeout(final Duration timeout)
    {
        durableSender().redeliveryTimeoutNs(timeout.toNanos());
        return this;
    }

    /**
     * @param deliveries how many times a message is delivered before it moves to the dead-letter log (default 10);
     *                   call after {@link #durable(DurableLog.Context)}.
     * @return this.
     * @since 0.1.0
     */
    public Pusher maxDeliveries(final int deliveries)
    {
        durableSender().maxDeliveries(deliveries);
        return this;
    }

    /**
     * @return the sequence up to which every durable message is acknowledged or dead-lettered.
     * @throws IllegalStateException if the pusher is not durable.
     * @since 0.1.0
     */
    public long acknowledgedSequence()
    {
        return durableSender().acknowledged();
    }

    private DurableSender durableSender()
    {
        if (null == durable)
        {
            throw new IllegalStateException("the pusher is not durable");
        }
        return durable;
    }

    @Override
    ZmtpSocketType socketType()
    {
        return ZmtpSocketType.PUSH;
    }

    /**
     * @param policy what to do when no peer has room (default {@link BackPressurePolicy#BLOCK}).
     * @return this.
     */
    public Pusher backPressure(final BackPressurePolicy policy)
    {
        this.policy = policy;
        return this;
    }

    /**
     * @param timeout how long a blocked send waits for room (or for a first peer) before failing.
     * @return this.
     */
    public Pusher sendTimeout(final Duration timeout)
    {
        settings().sendTimeoutNs(timeout.toNanos());
        return this;
    }

    /**
     * @param messages messages queued per peer before back pressure; set before the first bind or connect.
     * @return this.
     */
    public Pusher sendHighWaterMark(final int messages)
    {
        checkNotStarted();
        settings().sendHighWaterMark(messages);
        return this;
    }

    /**
     * Sends a payload to the next puller with room.
     *
     * @param payload the payload (not copied; do not change it until this returns).
     */
    public void send(final byte[] payload)
    {
        synchronized (sendLock)
        {
            payloadView.wrap(payload);
            send(null, payloadView, 0, payload.length, NO_HEADERS, null);
        }
    }

    /**
     * Sends UTF-8 text.
     *
     * @param text the payload.
     */
    public void send(final String text)
    {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends part of a buffer without allocating.
     *
     * @param buffer holding the payload.
     * @param offset where it starts.
     * @param length its length.
     */
    public void send(final DirectBuffer buffer, final int offset, final int length)
    {
        send(null, buffer, offset, length, NO_HEADERS, null);
    }

    /**
     * Sends a message with its headers (headers reach Petrel pullers; plain ZeroMQ pullers get the payload). A
     * puller of this node connected over {@code inproc://} receives the payload array itself, not a copy.
     *
     * @param message the message.
     */
    public void send(final Message message)
    {
        synchronized (sendLock)
        {
            payloadView.wrap(message.payload());
            send(null, payloadView, 0, message.payload().length, message.headers(), message);
        }
    }

    /**
     * Sends by key: every message with this key goes to the same puller, in order, while the set of pullers is
     * stable. Waits (per the policy) for that puller rather than reorder by skipping it.
     *
     * @param key     the routing key.
     * @param payload the payload.
     */
    public void send(final byte[] key, final byte[] payload)
    {
        send(key, new UnsafeBuffer(payload), 0, payload.length, NO_HEADERS, null);
    }

    /**
     * Sends by key.
     *
     * @param key     the routing key, as UTF-8.
     * @param payload the payload.
     */
    public void send(final String key, final byte[] payload)
    {
        send(key.getBytes(StandardCharsets.UTF_8), payload);
    }

    private void send(
        final byte[] key, final DirectBuffer payload, final int offset, final int length,
        final Map<String, String> headers, final Message handOff)
    {
        checkNotClosed();
        if (null != durable)
        {
            if (null != key || !headers.isEmpty())
            {
                throw new IllegalArgumentException("a durable pusher sends neither keys nor headers");
            }
            durable.send(payload, offset, length, settings().sendTimeoutNs());
            sent.incrementAndGet();
            return;
        }
        final long startNs = System.nanoTime();
        final long deadline = startNs + settings().sendTimeoutNs();
        synchronized (sendLock)
        {
            waiter.reset();
            sendStartNs = startNs;
            while (true)
            {
                final Pipe full = tryOnce(key, payload, offset, length, headers, handOff);
                if (null == full && 0 < pipes.length)
                {
                    countSentUnderSendLock();
                    return;
                }
                if (onBackPressure(full, deadline))
                {
                    return;
                }
            }
        }
    }

    /**
     * @return null when sent; otherwise a peer that was full (or null with no peers at all).
     */
    private Pipe tryOnce(
        final byte[] key, final DirectBuffer payload, final int offset, final int length,
        final Map<String, String> headers, final Message handOff)
    {
        final Pipe[] current = pipes;
        final int n = current.length;
        if (0 == n)
        {
            return null;
        }
        if (null != key)
        {
            final Pipe owner = ringFor(current).memberFor(key);
            if (null == owner)
            {
                return current[0];
            }
            return Pipe.OK == offer(owner, payload, offset, length, headers, handOff) ? null : owner;
        }
        for (int i = 0; i < n; i++)
        {
            final Pipe pipe = current[(next + i) % n];
            if (Pipe.OK == offer(pipe, payload, offset, length, headers, handOff))
            {
                next = (next + i + 1) % n;
                return null;
            }
        }
        return current[next % n];
    }

    private int offer(
        final Pipe pipe, final DirectBuffer payload, final int offset, final int length,
        final Map<String, String> headers, final Message handOff)
    {
        frames.reset();
        if (null != handOff && pipe.carriesObjects())
        {
            return pipe.offer(frames.handOff(
                new Message("", handOff.payload(), handOff.headers(), 0, 0, EpochNanos.of(sendStartNs))));
        }
        if (pipe.isPetrelPeer())
        {
            scratch.checkLimit(Envelope.maxLength(0, headers));
            final int metaLength = Envelope.encode(
                scratch, 0, EpochNanos.of(sendStartNs), 0, 0, null, 0, headers);
            if (pipe.writeIfIdle(scratch, metaLength, payload, offset, length))
            {
                return Pipe.OK;
            }
            frames.add(scratch, 0, metaLength);
        }
        frames.add(payload, offset, length);
        return pipe.offer(frames);
    }

    /**
     * @return true when the send is over (dropped by policy); false to try again.
     */
    private boolean onBackPressure(final Pipe full, final long deadline)
    {
        if (isClosed())
        {
            throw new SocketClosedException("pusher closed while sending");
        }
        final boolean noPeers = 0 == pipes.length;
        switch (policy)
        {
            case FAIL:
                throw new BackPressureException(noPeers ? "no puller connected" :
                    "every puller is at its high-water mark of " + settings().sendHighWaterMark());
            case DROP_NEWEST:
                if (null != full)
                {
                    countDrop(full, DropReason.HIGH_WATER_MARK);
                    return true;
                }
                break;
            case DROP_OLDEST:
                if (null != full)
                {
                    if (full.requestDropOldest())
                    {
                        countDrop(full, DropReason.EVICTED_OLDEST);
                    }
                }
                break;
            default:
                break;
        }
        if (System.nanoTime() - deadline > 0)
        {
            throw new BackPressureException(noPeers ?
                "no puller connected within the send timeout of " + settings().sendTimeoutNs() / 1_000_000 + " ms" :
                "no puller had room within the send timeout of " + settings().sendTimeoutNs() / 1_000_000 +
                " ms (high-water mark " + settings().sendHighWaterMark() + ")");
        }
        if (null != full)
        {
            full.helpDrain();
        }
        waiter.idle("send");
        return false;
    }

    /**
     * The ring over exactly the pipes being sent to, rebuilt on the sending thread (under the send lock) when they
     * change, so a sender that has seen a new peer never routes by the old ring.
     */
    private ConsistentHashRing<Pipe> ringFor(final Pipe[] current)
    {
        if (current != ringMembers)
        {
            ring = new ConsistentHashRing<>(Arrays.asList(current), Pipe::peerKey);
            ringMembers = current;
        }
        return ring;
    }

    @Override
    boolean onMessage(final Pipe pipe, final InboundFrames frames)
    {
        return true;
    }

    @Override
    String onCommand(final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        return null == durable ? null : durable.onCommand(pipe, name, buffer, offset, length);
    }

    @Override
    void onDetached(final Pipe pipe)
    {
        if (null != durable)
        {
            durable.onDetached(pipe);
        }
    }

    @Override
    void onClose()
    {
        if (null != durable)
        {
            durable.close();
        }
    }
}
