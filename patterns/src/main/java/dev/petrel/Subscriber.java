package dev.petrel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.patterns.Envelope;
import dev.petrel.patterns.SubjectPattern;
import dev.petrel.patterns.SubscriptionCommand;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Receives what publishers publish on the subjects it subscribes to. Patterns follow NATS rules: {@code *} matches
 * one token, {@code >} one or more trailing tokens. Subscriptions travel upstream so publishers filter; to a plain
 * ZeroMQ publisher a pattern subscribes to its literal prefix and the full pattern is applied here, so the matches
 * are the same whichever peer publishes. Subscriptions are re-sent after every reconnect.
 * <p>
 * Connected to a multi-destination Aeron endpoint ({@code aeron:udp?control=host:port}, optionally with
 * {@code endpoint=} naming the local address to receive on), the subscriber receives everything the publisher bound
 * there sends, once per message for all subscribers, and applies its patterns itself; queue groups do not share
 * work there.
 * <p>
 * Messages go to the subscription's callback (on the I/O thread) or to the receive queue; when that queue is full
 * the message is dropped and counted, as a slow subscriber should be. Thread-safe.
 * <p>
 * A {@link #durable(String, Path) durable} subscriber is a named receiver of durable publishers: it gets every
 * message its subscriptions match at least once, drops duplicates and acknowledges what it processed, which gives
 * effectively-once processing across crashes and reconnects; nothing from a durable publisher is dropped for it.
 */
public final class Subscriber extends SocketBase
{
    private final SubscriptionTable subscriptions = new SubscriptionTable();
    private final AtomicInteger nextSid = new AtomicInteger();
    private final Envelope envelope = new Envelope();
    private final OutboundFrames ioFrames = new OutboundFrames();
    private final ExpandableArrayBuffer ioScratch = new ExpandableArrayBuffer(128);
    private final UnsafeBuffer objectView = new UnsafeBuffer(new byte[0]);
    private volatile ReceiveQueue queue;
    private final AtomicBoolean reconcileScheduled = new AtomicBoolean();
    private final Runnable reconcileTask = this::reconcileAll;
    private final Map<Pipe, Map<Integer, Subscription>> sentByPipe = new IdentityHashMap<>();
    private final MessageHandler durableCallbacks = this::runCallbacks;
    private DurableReceiver durable;

    Subscriber(final Node node)
    {
        super(node);
    }

    @Override
    ZmtpSocketType socketType()
    {
        return ZmtpSocketType.SUB;
    }

    /**
     * Makes this subscriber a named durable subscriber; call before the first bind or connect, and subscribe
     * before connecting too, so that the subscriptions arrive at each publisher together with the name. It
     * announces the name to every Petrel publisher it connects to; durable publishers then deliver to it, at least
     * once, every message its subscriptions match, resuming where this name left off after either side restarts
     * (see {@link Publisher#durable(dev.petrel.durability.DurableLog.Context)}). Duplicates are dropped by
     * (producer ID, sequence), remembered in {@code stateDir} so that a restarted subscriber still drops them, and
     * each message is acknowledged once processed, as a {@link Puller#durable(String, Path) durable puller}
     * acknowledges:
     * <ul>
     *   <li>when every subscription it matches has a callback: once they have all returned (one that throws has
     *   the message delivered again, to every callback);</li>
     *   <li>when it matches a subscription without a callback: it goes to the receive queue (the matching
     *   callbacks run once it is queued), and is acknowledged when the {@link #poll(MessageHandler, int) poll}
     *   handler returns or when {@link #ack(Message)} is called after {@link #receive(Duration)}.</li>
     * </ul>
     * When the receive queue is full, reading from a durable publisher pauses instead of dropping. Queue groups
     * do not share durable messages: connections with the same durable name share them instead. Zero-copy
     * callbacks get a view of the message's payload. Messages from publishers that are not durable are received
     * as usual. Give each running subscriber its own state directory.
     *
     * @param name     the durable subscriber name, at most 44 UTF-8 bytes, stable across restarts; a publisher
     *                 keeps one position per name.
     * @param stateDir directory for the duplicate-detection state, created if missing.
     * @return this.
     * @since 0.1.0
     */
    public Subscriber durable(final String name, final Path stateDir)
    {
        checkNotStarted();
        if (null != durable)
        {
            throw new IllegalStateException("the subscriber is already durable");
        }
        durable = new DurableReceiver(this, this::offerDurable, name, stateDir);
        return this;
    }

    /**
     * Acknowledges a message taken with {@link #receive(Duration)} from a durable publisher: records it as
     * processed and tells the publisher. Does nothing for other messages or when called again.
     *
     * @param message the processed message.
     * @since 0.1.0
     */
    public void ack(final Message message)
    {
        if (null != durable)
        {
            durable.complete(message);
        }
    }

    /**
     * @param messages how many received messages are held before new ones are dropped; set before bind/connect.
     * @return this.
     */
    public Subscriber receiveHighWaterMark(final int messages)
    {
        checkNotStarted();
        settings().receiveHighWaterMark(messages);
        return this;
    }

    /**
     * Subscribes; messages go to the receive queue.
     *
     * @param pattern subject pattern, e.g. {@code orders.>}.
     * @return the subscription.
     */
    public Subscription subscribe(final String pattern)
    {
        return subscribe(pattern, null, null);
    }

    /**
     * Subscribes with a callback.
     *
     * @param pattern subject pattern.
     * @param handler called on the I/O thread for each message; must not block.
     * @return the subscription.
     */
    public Subscription subscribe(final String pattern, final MessageHandler handler)
    {
        return subscribe(pattern, null, handler);
    }

    /**
     * Subscribes as a member of a queue group: among all subscriptions with this group name, one gets each
     * message (from Petrel publishers).
     *
     * @param pattern    subject pattern.
     * @param queueGroup the group name, or null for none.
     * @param handler    callback, or null for the receive queue.
     * @return the subscription.
     */
    public Subscription subscribe(final String pattern, final String queueGroup, final MessageHandler handler)
    {
        return subscribe(pattern, queueGroup, handler, null);
    }

    /**
     * Subscribes with a callback that sees each payload without copying (the view is valid only during the call).
     *
     * @param pattern subject pattern.
     * @param handler called on the I/O thread for each message; must not block.
     * @return the subscription.
     */
    public Subscription subscribe(final String pattern, final BufferHandler handler)
    {
        return subscribe(pattern, null, null, handler);
    }

    private Subscription subscribe(
        final String pattern, final String queueGroup, final MessageHandler handler, final BufferHandler view)
    {
        checkNotClosed();
        final SubjectPattern compiled = SubjectPattern.compile(pattern);
        queue();
        final Subscription subscription =
            new Subscription(this, nextSid.incrementAndGet(), compiled, queueGroup, handler, view);
        subscriptions.add(subscription);
        scheduleReconcile();
        return subscription;
    }

    void unsubscribe(final Subscription subscription)
    {
        if (!subscriptions.remove(subscription) || isClosed())
        {
            return;
        }
        scheduleReconcile();
    }

    private void scheduleReconcile()
    {
        if (reconcileScheduled.compareAndSet(false, true))
        {
            agent.execute(reconcileTask);
        }
    }

    /**
     * Brings every peer's view of this socket's subscriptions up to date (I/O thread). A subscription or
     * cancellation that finds the peer's queue full is tried again on a later duty cycle, never dropped.
     */
    private void reconcileAll()
    {
        reconcileScheduled.set(false);
        boolean done = true;
        for (final Pipe pipe : pipes)
        {
            done &= reconcile(pipe);
        }
        if (!done && !isClosed())
        {
            scheduleReconcile();
        }
    }

    private boolean reconcile(final Pipe pipe)
    {
        final Map<Integer, Subscription> sent = sent(pipe);
        for (final Subscription subscription : subscriptions.all())
        {
            if (!sent.containsKey(subscription.sid()))
            {
                if (!offer(pipe, subscription, true))
                {
                    return false;
                }
                sent.put(subscription.sid(), subscription);
            }
        }
        final Iterator<Subscription> it = sent.values().iterator();
        while (it.hasNext())
        {
            final Subscription subscription = it.next();
            if (null == subscriptions.get(subscription.sid()))
            {
                if (!offer(pipe, subscription, false))
                {
                    return false;
                }
                it.remove();
            }
        }
        return true;
    }

    private ReceiveQueue queue()
    {
        ReceiveQueue q = queue;
        if (null == q)
        {
            synchronized (this)
            {
                q = queue;
                if (null == q)
                {
                    q = new ReceiveQueue(settings().receiveHighWaterMark(), agent::wake);
                    queue = q;
                }
            }
        }
        return q;
    }

    /**
     * Waits for the next message from subscriptions without a callback.
     *
     * @param timeout how long to wait.
     * @return the message, or null when none arrived in time.
     * @throws PetrelInterruptedException when interrupted while waiting.
     */
    public Message receive(final Duration timeout)
    {
        return receiveFrom(queue(), timeout);
    }

    /**
     * Hands up to {@code limit} waiting messages to a handler on the calling thread, without waiting.
     *
     * @param handler receives the messages.
     * @param limit   most messages to hand over.
     * @return how many were handed over.
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        return pollFrom(queue(), handler, limit, this::ack);
    }

    /**
     * A durable subscriber announces its name before its subscriptions, so the publisher knows, before any
     * subscription could make it a target, that this peer takes messages from the durable stream.
     */
    @Override
    void onAttached(final Pipe pipe)
    {
        sentByPipe.put(pipe, new LinkedHashMap<>());
        if (null != durable)
        {
            durable.onAttached(pipe);
        }
        if (!reconcile(pipe))
        {
            scheduleReconcile();
        }
    }

    @Override
    void onDetached(final Pipe pipe)
    {
        sentByPipe.remove(pipe);
        if (null != durable)
        {
            durable.onDetached(pipe);
        }
    }

    private Map<Integer, Subscription> sent(final Pipe pipe)
    {
        return sentByPipe.get(pipe);
    }

    /**
     * Sends one subscription or cancellation the way the peer expects it: a Petrel command, or ZeroMQ's
     * {@code 0x01}/{@code 0x00} prefix message.
     *
     * @return false when the peer's queue had no room.
     */
    private boolean offer(final Pipe pipe, final Subscription subscription, final boolean subscribe)
    {
        ioFrames.reset();
        if (pipe.isPetrelPeer())
        {
            final int length = subscribe ?
                SubscriptionCommand.encodeSubscribe(
                    ioScratch, subscription.sid(), subscription.queueGroup(), subscription.pattern()) :
                SubscriptionCommand.encodeUnsubscribe(ioScratch, subscription.sid());
            ioFrames.add(ioScratch, 0, length).asCommand();
        }
        else
        {
            final byte[] prefix = subscription.compiledPattern().literalPrefix();
            ioScratch.putByte(0, (byte)(subscribe ? 1 : 0));
            ioScratch.putBytes(1, prefix);
            ioFrames.add(ioScratch, 0, prefix.length + 1);
        }
        final int result = pipe.tryOffer(ioFrames);
        return Pipe.OK == result || Pipe.CLOSED == result;
    }

    @Override
    boolean onMessage(final Pipe pipe, final InboundFrames frames)
    {
        if (null != durable && durable.accepts(pipe))
        {
            final String subject = 3 == frames.count() ? MessageCodec.text(frames, 0) : "";
            return durable.onMessage(pipe, frames, queues(subject) ? null : durableCallbacks);
        }
        if (pipe.isPetrelPeer() && 3 == frames.count())
        {
            onPetrelMessage(pipe, frames);
        }
        else
        {
            onPlainMessage(pipe, frames);
        }
        return true;
    }

    private void onPetrelMessage(final Pipe pipe, final InboundFrames frames)
    {
        try
        {
            MessageCodec.decodeEnvelope(envelope, frames, 1);
        }
        catch (final IllegalArgumentException ex)
        {
            countDrop(pipe, DropReason.MALFORMED);
            return;
        }
        if (!envelope.hasSids())
        {
            onUntargetedMessage(pipe, frames);
            return;
        }
        Message message = null;
        boolean queued = false;
        for (int i = 0, n = envelope.sidCount(); i < n; i++)
        {
            final Subscription subscription = subscriptions.get(envelope.sid(i));
            if (null == subscription)
            {
                continue;
            }
            if (deliverView(subscription, frames, 2))
            {
                continue;
            }
            if (null == message)
            {
                message = MessageCodec.fromEnvelope(MessageCodec.text(frames, 0), envelope, frames, 2);
            }
            queued = dispatch(pipe, subscription, message, queued);
        }
    }

    /**
     * A Petrel message sent to every subscriber (a multi-destination channel): matched here by subject.
     */
    private void onUntargetedMessage(final Pipe pipe, final InboundFrames frames)
    {
        final String subject = MessageCodec.text(frames, 0);
        Message message = null;
        boolean queued = false;
        for (final Subscription subscription : subscriptions.all())
        {
            if (subscription.compiledPattern().matches(subject))
            {
                if (deliverView(subscription, frames, 2))
                {
                    continue;
                }
                if (null == message)
                {
                    message = MessageCodec.fromEnvelope(subject, envelope, frames, 2);
                }
                queued = dispatch(pipe, subscription, message, queued);
            }
        }
    }

    /**
     * Hands the payload frame, in place, to a subscription with a zero-copy handler.
     *
     * @return false when the subscription takes {@link Message}s instead.
     */
    private boolean deliverView(final Subscription subscription, final InboundFrames frames, final int frame)
    {
        final BufferHandler view = subscription.bufferHandler();
        if (null == view)
        {
            return false;
        }
        received.incrementAndGet();
        view.onMessage(frames.buffer(), frames.offset(frame), frames.length(frame));
        return true;
    }

    @Override
    boolean acceptsObjects()
    {
        return true;
    }

    /**
     * A message from a publisher of this node, by reference, for the subscriptions that publisher matched.
     */
    @Override
    boolean onObject(final Pipe pipe, final Object object)
    {
        final TargetedMessage targeted = (TargetedMessage)object;
        final Message message = targeted.message();
        boolean queued = false;
        for (final int sid : targeted.sids())
        {
            final Subscription subscription = subscriptions.get(sid);
            if (null == subscription)
            {
                continue;
            }
            final BufferHandler view = subscription.bufferHandler();
            if (null != view)
            {
                received.incrementAndGet();
                objectView.wrap(message.payload());
                view.onMessage(objectView, 0, message.payload().length);
                continue;
            }
            queued = dispatch(pipe, subscription, message, queued);
        }
        return true;
    }

    private void onPlainMessage(final Pipe pipe, final InboundFrames frames)
    {
        final String matchKey = MessageCodec.text(frames, 0);
        Message message = null;
        boolean queued = false;
        for (final Subscription subscription : subscriptions.all())
        {
            if (subscription.compiledPattern().matchesLikeZeroMq(matchKey))
            {
                if (deliverView(subscription, frames, frames.count() >= 2 ? 1 : 0))
                {
                    continue;
                }
                if (null == message)
                {
                    message = MessageCodec.fromPlain(frames, true);
                }
                queued = dispatch(pipe, subscription, message, queued);
            }
        }
    }

    /**
     * @return true when the message is in the receive queue (so later queue-mode subscriptions skip it).
     */
    private boolean dispatch(
        final Pipe pipe, final Subscription subscription, final Message message, final boolean queued)
    {
        final MessageHandler handler = subscription.handler();
        if (null != handler)
        {
            received.incrementAndGet();
            try
            {
                handler.onMessage(message);
            }
            catch (final RuntimeException ex)
            {
                node.onError(ex);
            }
            return queued;
        }
        if (!queued && !queue().offer(message))
        {
            countDrop(pipe, DropReason.RECEIVE_QUEUE_FULL);
        }
        return true;
    }

    /**
     * @return true when a subscription without a callback matches a durable message's subject.
     */
    private boolean queues(final String subject)
    {
        for (final Subscription subscription : subscriptions.all())
        {
            if (null == subscription.handler() && null == subscription.bufferHandler() &&
                subscription.compiledPattern().matches(subject))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs every callback whose subscription matches a durable message; an exception has it delivered again.
     */
    private void runCallbacks(final Message message)
    {
        for (final Subscription subscription : subscriptions.all())
        {
            if (subscription.compiledPattern().matches(message.subject()))
            {
                final MessageHandler handler = subscription.handler();
                final BufferHandler view = subscription.bufferHandler();
                if (null != handler)
                {
                    handler.onMessage(message);
                }
                else if (null != view)
                {
                    objectView.wrap(message.payload());
                    view.onMessage(objectView, 0, message.payload().length);
                }
            }
        }
    }

    /**
     * Queues a durable message, then runs the callbacks it matches as well.
     *
     * @return false when the receive queue has no room.
     */
    private boolean offerDurable(final Message message)
    {
        if (!queue().offer(message))
        {
            return false;
        }
        try
        {
            runCallbacks(message);
        }
        catch (final RuntimeException ex)
        {
            node.onError(ex);
        }
        return true;
    }

    @Override
    String onCommand(final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == durable)
        {
            return null;
        }
        try
        {
            return durable.onCommand(pipe, name, buffer, offset, length);
        }
        catch (final IllegalArgumentException ex)
        {
            return ex.getMessage();
        }
    }

    @Override
    void onClosed()
    {
        if (null != durable)
        {
            durable.close();
        }
    }

    @Override
    void onClose()
    {
        if (null != durable)
        {
            durable.stopHandingOver();
        }
        final ReceiveQueue q = queue;
        if (null != q)
        {
            q.close();
        }
    }
}
