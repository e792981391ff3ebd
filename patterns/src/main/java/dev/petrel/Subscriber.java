package dev.petrel;

import java.time.Duration;
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
                    q = new ReceiveQueue(settings().receiveHighWaterMark(), () -> { });
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
        return pollFrom(queue(), handler, limit, message -> { });
    }

    @Override
    void onAttached(final Pipe pipe)
    {
        pipe.attachment(new LinkedHashMap<Integer, Subscription>());
        if (!reconcile(pipe))
        {
            scheduleReconcile();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, Subscription> sent(final Pipe pipe)
    {
        return (Map<Integer, Subscription>)pipe.attachment();
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

    @Override
    void onClose()
    {
        final ReceiveQueue q = queue;
        if (null != q)
        {
            q.close();
        }
    }
}
