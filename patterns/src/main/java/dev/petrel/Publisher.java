package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.petrel.durability.DurableLog;
import dev.petrel.patterns.DurableCommand;
import dev.petrel.patterns.Envelope;
import dev.petrel.patterns.EpochNanos;
import dev.petrel.patterns.PublisherPeer;
import dev.petrel.patterns.SubjectRecordDescriptor;
import dev.petrel.patterns.SubscriptionCommand;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpDescriptor;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Publishes messages on subjects to every subscriber whose subscription matches; the publisher filters, so only
 * matching messages cross the network. Petrel subscribers match by NATS token rules ({@code *}, {@code >}) and may
 * share work in queue groups (one member of a group gets each message); plain ZeroMQ subscribers match by byte
 * prefix, as ZeroMQ defines it.
 * <p>
 * A slow subscriber is dropped for, not waited for (the default {@link BackPressurePolicy#DROP_NEWEST}), and each
 * drop is counted in {@link #stats()}. {@link #awaitSubscribers(int, Duration)} avoids losing the first messages
 * to subscribers that are still joining.
 * <p>
 * Bound to a multi-destination Aeron endpoint ({@code aeron:udp?control=host:port|control-mode=dynamic}), the
 * publisher is fan-out only: each message is sent once, into one Aeron publication that every Subscriber connected
 * with {@code aeron:udp?control=host:port} receives, and each subscriber filters by subject itself. There is no
 * handshake on such a channel, so the publisher knows how many subscribers there are (the media driver counts
 * them; {@link #awaitSubscribers} and {@link #subscriberCount()} include them) but not what they subscribed to:
 * every message crosses the network, queue groups share nothing (each member receives every matching message), and
 * the high-water mark and back-pressure policy apply to the channel as a whole.
 * <p>
 * A {@link #durable(DurableLog.Context) durable} publisher appends each message to a side log before it is sent
 * and delivers it at least once to every Petrel subscriber that announced itself as a named durable subscriber
 * (see {@link Subscriber#durable(String, Path)}), resuming after either side restarts; other subscribers keep
 * receiving as from any publisher. Thread-safe.
 */
public final class Publisher extends SocketBase
{
    private static final Map<String, String> NO_HEADERS = Map.of();

    private final Waiter waiter = new Waiter();
    private final UnsafeBuffer payloadView = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer subjectView = new UnsafeBuffer(new byte[0]);
    private final Map<String, Integer> groupCursor = new HashMap<>();
    private BackPressurePolicy policy = BackPressurePolicy.DROP_NEWEST;
    private String lastSubject = "";
    private byte[] lastSubjectBytes = new byte[0];
    private final ExpandableArrayBuffer recordScratch = new ExpandableArrayBuffer(256);
    private DurableSender durable;
    private DurableFanOut fanOut;
    /** The message every in-process subscriber of the publish in progress shares; guarded by the send lock. */
    private Message sharedHandOff;
    /** The publish timestamp of the publish in progress, the same for every subscriber; guarded by the send lock. */
    private long publishEpochNs;

    Publisher(final Node node)
    {
        super(node);
    }

    @Override
    ZmtpSocketType socketType()
    {
        return ZmtpSocketType.PUB;
    }

    /**
     * Makes this publisher durable; call before the first bind or connect. Each message is appended to the log
     * (subject and payload; its sequence travels with it) before the publish returns. Every named durable
     * subscriber then gets, from the log and on the I/O thread, every message that matches its subscriptions, at
     * least once: each name has its own position in the log, kept in the log's receiver cursors, so one durable
     * subscriber being slow or away holds back none of the others.
     * <ul>
     *   <li>A name met for the first time starts with the messages published after it first attaches (new
     *   subscribers of pub/sub get nothing older); a known name resumes after the last message it acknowledged,
     *   after a reconnect or a restart of either side (messages acknowledged past that position may come again;
     *   the subscriber drops them as duplicates).</li>
     *   <li>The publisher filters for each durable subscriber, by the subscriptions it has when a message is
     *   dispatched to it: a message none of its subscriptions matches is skipped and counts as acknowledged, so
     *   the position moves on and retention is not held up by messages the subscriber never wanted. Messages
     *   published while a subscriber was away are filtered by the subscriptions it comes back with; subscribe
     *   before connecting, so that those arrive with the attach announcement. Nothing is sent or skipped for a
     *   durable subscriber that has no subscription yet, and queue groups do not apply: connections attached with
     *   the same name share that name's messages instead, each message going to one of them.</li>
     *   <li>A message a durable subscriber holds unacknowledged past the {@link #redeliveryTimeout(Duration)
     *   redelivery timeout} is sent again; after {@link #maxDeliveries(int) max deliveries} to one name it moves to
     *   the log's dead-letter log, and that name's position moves past it.</li>
     *   <li>Retention frees segments only below the lowest position of all durable subscribers the log knows.</li>
     *   <li>Instead of dropping, a durable stream pushes back: a publish waits, up to the send timeout (then
     *   {@link BackPressureException}), while a connected durable subscriber has as many messages in the log
     *   beyond its window of messages in flight as the publisher's own {@link #sendHighWaterMark(int)}, or when
     *   none is set, the larger of the node's and 8,192. A durable subscriber that is away, or has
     *   not subscribed yet, does not hold publishers back; the log keeps what it misses, within the log's size and
     *   age limits.</li>
     * </ul>
     * Subscribers that are not durable, and plain ZeroMQ subscribers, are published to as usual, dropped for when
     * slow. Durable publishes carry no headers. The log is closed with the publisher.
     *
     * @param ctx configuration of the side log (directory, fsync policy, segment length, retention).
     * @return this.
     * @throws dev.petrel.durability.exceptions.DurabilityException if the log cannot be opened.
     * @since 0.1.0
     */
    public Publisher durable(final DurableLog.Context ctx)
    {
        checkNotStarted();
        if (null != durable)
        {
            throw new IllegalStateException("the publisher is already durable");
        }
        durable = new DurableSender(this, ctx, (sender, log, producerId, base) ->
            fanOut = new DurableFanOut(sender, log, producerId, new PublishRoute()));
        return this;
    }

    /**
     * @param timeout how long a durable subscriber may hold a message without acknowledging it before it is
     *                delivered again (default 30 s); call after {@link #durable(DurableLog.Context)}.
     * @return this.
     * @since 0.1.0
     */
    public Publisher redeliveryTimeout(final Duration timeout)
    {
        durableSender().redeliveryTimeoutNs(timeout.toNanos());
        return this;
    }

    /**
     * @param deliveries how many times a message is delivered to one durable subscriber name before it moves to
     *                   the dead-letter log (default 10); call after {@link #durable(DurableLog.Context)}.
     * @return this.
     * @since 0.1.0
     */
    public Publisher maxDeliveries(final int deliveries)
    {
        durableSender().maxDeliveries(deliveries);
        return this;
    }

    /**
     * @param subscriberName a durable subscriber name.
     * @return the sequence up to which that durable subscriber acknowledged (or was skipped past, or had
     *         dead-lettered) every message, or -1 for a name this publisher has not met.
     * @throws IllegalStateException if the publisher is not durable.
     * @since 0.1.0
     */
    public long acknowledgedSequence(final String subscriberName)
    {
        durableSender();
        return fanOut.acknowledgedSequence(subscriberName);
    }

    /**
     * @return the sequence up to which every durable subscriber this publisher knows acknowledged (or was skipped
     *         past, or had dead-lettered) every message; the last sequence when it knows none.
     * @throws IllegalStateException if the publisher is not durable.
     * @since 0.1.0
     */
    public long acknowledgedSequence()
    {
        durableSender();
        return fanOut.lowestAcknowledgedSequence();
    }

    /**
     * @return the names of the durable subscribers this publisher knows: those its log has positions for and those
     *         that attached since it started.
     * @throws IllegalStateException if the publisher is not durable.
     * @since 0.1.0
     */
    public Set<String> durableSubscribers()
    {
        durableSender();
        return fanOut.names();
    }

    /**
     * @return the sequence of the last message appended to the log.
     * @throws IllegalStateException if the publisher is not durable.
     * @since 0.1.0
     */
    public long lastSequence()
    {
        return durableSender().log().lastSequence();
    }

    private DurableSender durableSender()
    {
        if (null == durable)
        {
            throw new IllegalStateException("the publisher is not durable");
        }
        return durable;
    }

    /**
     * @param policy what to do when a subscriber is at its high-water mark (default drop newest).
     * @return this.
     */
    public Publisher backPressure(final BackPressurePolicy policy)
    {
        this.policy = policy;
        return this;
    }

    /**
     * @param messages messages queued per subscriber before drops start; set before the first bind or connect.
     * @return this.
     */
    public Publisher sendHighWaterMark(final int messages)
    {
        checkNotStarted();
        settings().sendHighWaterMark(messages);
        return this;
    }

    /**
     * @param timeout how long the {@link BackPressurePolicy#BLOCK} policy waits for a subscriber to have room.
     * @return this.
     */
    public Publisher sendTimeout(final Duration timeout)
    {
        settings().sendTimeoutNs(timeout.toNanos());
        return this;
    }

    /**
     * Publishes a payload on a subject.
     *
     * @param subject the subject, dot-separated tokens.
     * @param payload the payload (not copied; do not change it until this returns).
     * @return how many subscribers it was queued for (on a multi-destination channel: how many it can reach); a
     *         durable publisher leaves out durable subscribers, which take it from the log.
     * @throws BackPressureException when a durable publisher waited the send timeout for a durable subscriber.
     */
    public int publish(final String subject, final byte[] payload)
    {
        synchronized (sendLock)
        {
            payloadView.wrap(payload);
            return publish(subject, payloadView, 0, payload.length, NO_HEADERS, null);
        }
    }

    /**
     * Publishes UTF-8 text on a subject.
     *
     * @param subject the subject.
     * @param text    the payload.
     * @return how many subscribers it was queued for.
     */
    public int publish(final String subject, final String text)
    {
        return publish(subject, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Publishes a message with its headers (Petrel subscribers get the headers; ZeroMQ ones subject and payload).
     * Subscribers of this node connected over {@code inproc://} receive the payload array itself, not a copy.
     *
     * @param message the message.
     * @return how many subscribers it was queued for.
     * @throws IllegalArgumentException when a durable publisher is given headers, which durable messages do not
     *                                  carry.
     */
    public int publish(final Message message)
    {
        synchronized (sendLock)
        {
            payloadView.wrap(message.payload());
            return publish(message.subject(), payloadView, 0, message.payload().length, message.headers(), message);
        }
    }

    /**
     * Publishes part of a buffer without allocating (for a repeated subject).
     *
     * @param subject the subject.
     * @param buffer  holding the payload.
     * @param offset  where it starts.
     * @param length  its length.
     * @return how many subscribers it was queued for.
     */
    public int publish(final String subject, final DirectBuffer buffer, final int offset, final int length)
    {
        return publish(subject, buffer, offset, length, NO_HEADERS, null);
    }

    private int publish(
        final String subject, final DirectBuffer payload, final int offset, final int length,
        final Map<String, String> headers, final Message handOff)
    {
        checkNotClosed();
        synchronized (sendLock)
        {
            final byte[] subjectBytes = subjectBytes(subject);
            if (null != durable)
            {
                append(subjectBytes, payload, offset, length, headers);
            }
            final Pipe[] current = pipes;
            if (selectTargets(current, subject, subjectBytes))
            {
                routeQueueGroups(current);
            }
            int delivered = 0;
            boolean failed = false;
            sharedHandOff = null;
            publishEpochNs = EpochNanos.now();
            for (final Pipe pipe : current)
            {
                final PublisherPeer peer = (PublisherPeer)pipe.attachment();
                if (null != peer && (pipe.isFanOut() || peer.hasTargets()))
                {
                    final boolean ok = deliver(pipe, peer, subjectBytes, payload, offset, length, headers, handOff);
                    delivered += ok ? pipe.receiverCount() : 0;
                    failed |= !ok;
                }
            }
            countSentUnderSendLock();
            if (failed && BackPressurePolicy.FAIL == policy)
            {
                throw new BackPressureException("a subscriber is at its high-water mark of " +
                    settings().sendHighWaterMark() + "; the message went to " + delivered + " others");
            }
            return delivered;
        }
    }

    private void append(
        final byte[] subjectBytes, final DirectBuffer payload, final int offset, final int length,
        final Map<String, String> headers)
    {
        if (!headers.isEmpty())
        {
            throw new IllegalArgumentException("a durable publisher sends no headers");
        }
        recordScratch.checkLimit(SubjectRecordDescriptor.recordLength(subjectBytes.length, length));
        final int recordLength = SubjectRecordDescriptor.encode(recordScratch, subjectBytes, payload, offset, length);
        durable.send(recordScratch, 0, recordLength, settings().sendTimeoutNs());
    }

    private byte[] subjectBytes(final String subject)
    {
        if (!subject.equals(lastSubject))
        {
            lastSubject = subject;
            lastSubjectBytes = subject.getBytes(StandardCharsets.UTF_8);
        }
        return lastSubjectBytes;
    }

    /**
     * Leaves each Petrel peer's matching subscriptions in the peer for {@link #routeQueueGroups}.
     *
     * @return true when some queue-group subscription matched and needs routing.
     */
    private static boolean selectTargets(final Pipe[] current, final String subject, final byte[] subjectBytes)
    {
        boolean groups = false;
        for (final Pipe pipe : current)
        {
            final PublisherPeer peer = (PublisherPeer)pipe.attachment();
            if (null == peer || pipe.isFanOut())
            {
                continue;
            }
            peer.clearTargets();
            if (peer.isDurable())
            {
                continue;
            }
            if (pipe.isPetrelPeer())
            {
                for (int i = 0, n = peer.match(subject); i < n; i++)
                {
                    final SubscriptionCommand.Subscribe s = peer.matched(i);
                    if (null == s.group())
                    {
                        peer.addTarget(s.sid());
                    }
                    else
                    {
                        groups = true;
                    }
                }
            }
            else if (peer.matchesPrefix(subjectBytes))
            {
                peer.markPlainMatch();
            }
        }
        return groups;
    }

    private void routeQueueGroups(final Pipe[] current)
    {
        final Map<String, List<Object[]>> candidates = new HashMap<>();
        for (final Pipe pipe : current)
        {
            final PublisherPeer peer = (PublisherPeer)pipe.attachment();
            if (null == peer || !pipe.isPetrelPeer() || peer.isDurable())
            {
                continue;
            }
            for (int i = 0, n = peer.matchCount(); i < n; i++)
            {
                final SubscriptionCommand.Subscribe s = peer.matched(i);
                if (null != s.group())
                {
                    candidates.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(new Object[] { pipe, s });
                }
            }
        }
        candidates.forEach((group, members) ->
        {
            final int start = groupCursor.merge(group, 1, Integer::sum);
            for (int i = 0; i < members.size(); i++)
            {
                final Object[] member = members.get(Math.floorMod(start + i, members.size()));
                final Pipe pipe = (Pipe)member[0];
                if (pipe.queued() < pipe.highWaterMark() || i == members.size() - 1)
                {
                    ((PublisherPeer)pipe.attachment()).addTarget(((SubscriptionCommand.Subscribe)member[1]).sid());
                    return;
                }
            }
        });
    }

    private boolean deliver(
        final Pipe pipe, final PublisherPeer peer, final byte[] subjectBytes, final DirectBuffer payload,
        final int offset, final int length, final Map<String, String> headers, final Message handOff)
    {
        frames.reset();
        if (null != handOff && pipe.carriesObjects())
        {
            if (null == sharedHandOff)
            {
                sharedHandOff = new Message(handOff.subject(), handOff.payload(), handOff.headers(), 0, 0,
                    publishEpochNs);
            }
            frames.handOff(new TargetedMessage(sharedHandOff, Arrays.copyOf(peer.targets(), peer.targetCount())));
        }
        else
        {
            encodeFrames(pipe, peer, subjectBytes, payload, offset, length, headers);
        }
        int result = pipe.offer(frames);
        if (Pipe.BACK_PRESSURED == result)
        {
            result = onBackPressure(pipe);
        }
        return Pipe.OK == result;
    }

    /**
     * Lays out the message as its wire frames: subject, the meta frame for a Petrel peer, payload.
     */
    private void encodeFrames(
        final Pipe pipe, final PublisherPeer peer, final byte[] subjectBytes, final DirectBuffer payload,
        final int offset, final int length, final Map<String, String> headers)
    {
        subjectView.wrap(subjectBytes);
        frames.add(subjectView, 0, subjectBytes.length);
        if (pipe.isPetrelPeer())
        {
            final boolean fanOut = pipe.isFanOut();
            scratch.checkLimit(Envelope.maxLength(fanOut ? 0 : peer.targetCount(), headers));
            final int metaLength = Envelope.encode(scratch, 0, publishEpochNs, 0, 0,
                fanOut ? null : peer.targets(), fanOut ? 0 : peer.targetCount(), headers);
            frames.add(scratch, 0, metaLength);
        }
        frames.add(payload, offset, length);
    }

    private int onBackPressure(final Pipe pipe)
    {
        switch (policy)
        {
            case DROP_OLDEST:
                if (pipe.requestDropOldest())
                {
                    countDrop(pipe, DropReason.EVICTED_OLDEST);
                }
                final int retried = retryUntil(pipe, System.nanoTime() + 1_000_000L);
                if (Pipe.BACK_PRESSURED == retried)
                {
                    countDrop(pipe, DropReason.HIGH_WATER_MARK);
                }
                return retried;
            case BLOCK:
                final int result = retryUntil(pipe, System.nanoTime() + settings().sendTimeoutNs());
                if (Pipe.OK != result)
                {
                    throw new BackPressureException("subscriber " + pipe.peerKey() + " had no room within the " +
                        "send timeout of " + settings().sendTimeoutNs() / 1_000_000 + " ms");
                }
                return result;
            default:
                countDrop(pipe, DropReason.HIGH_WATER_MARK);
                return Pipe.BACK_PRESSURED;
        }
    }

    private int retryUntil(final Pipe pipe, final long deadline)
    {
        waiter.reset();
        int result = Pipe.BACK_PRESSURED;
        while (Pipe.BACK_PRESSURED == result && System.nanoTime() - deadline < 0)
        {
            pipe.helpDrain();
            waiter.idle("publish");
            result = pipe.offer(frames);
        }
        return result;
    }

    /**
     * @return how many connected peers have subscribed to something, plus the subscribers of each
     *         multi-destination channel (counted whether or not they subscribed).
     */
    public int subscriberCount()
    {
        int count = 0;
        for (final Pipe pipe : pipes)
        {
            final PublisherPeer peer = (PublisherPeer)pipe.attachment();
            if (pipe.isFanOut())
            {
                count += pipe.receiverCount();
            }
            else if (null != peer && peer.hasSubscriptions())
            {
                count++;
            }
        }
        return count;
    }

    /**
     * Waits until at least {@code count} peers are connected and have sent their subscriptions, so the first
     * messages published afterwards reach them (ZeroMQ's "slow joiner" problem).
     *
     * @param count   how many subscribers to wait for.
     * @param timeout how long to wait.
     * @return true when they are there, false at the timeout.
     */
    public boolean awaitSubscribers(final int count, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final Waiter wait = new Waiter();
        while (subscriberCount() < count)
        {
            checkNotClosed();
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            wait.idle("awaitSubscribers");
        }
        return true;
    }

    @Override
    void onAttached(final Pipe pipe)
    {
        pipe.attachment(new PublisherPeer());
    }

    @Override
    boolean onMessage(final Pipe pipe, final InboundFrames frames)
    {
        final int length = frames.length(0);
        if (1 != frames.count() || 0 == length)
        {
            return true;
        }
        final byte kind = frames.buffer().getByte(frames.offset(0));
        if (1 == kind || 0 == kind)
        {
            final byte[] prefix = new byte[length - 1];
            frames.buffer().getBytes(frames.offset(0) + 1, prefix);
            prefixChanged(pipe, prefix, 1 == kind);
        }
        return true;
    }

    private void prefixChanged(final Pipe pipe, final byte[] prefix, final boolean subscribe)
    {
        final PublisherPeer peer = (PublisherPeer)pipe.attachment();
        if (subscribe)
        {
            peer.addPrefix(prefix);
        }
        else
        {
            peer.removePrefix(prefix);
        }
    }

    @Override
    String onCommand(final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        final PublisherPeer peer = (PublisherPeer)pipe.attachment();
        try
        {
            switch (name)
            {
                case SubscriptionCommand.SUBSCRIBE:
                    peer.add(SubscriptionCommand.decodeSubscribe(buffer, offset, length));
                    onDurableSubscriptionsChanged(peer);
                    break;
                case SubscriptionCommand.UNSUBSCRIBE:
                    peer.remove(SubscriptionCommand.decodeUnsubscribe(buffer, offset, length));
                    onDurableSubscriptionsChanged(peer);
                    break;
                case DurableCommand.ATTACH:
                case DurableCommand.ACK:
                case DurableCommand.NACK:
                    return onDurableCommand(pipe, peer, name, buffer, offset, length);
                case ZmtpDescriptor.SUBSCRIBE:
                case ZmtpDescriptor.CANCEL:
                    final byte[] prefix = new byte[length];
                    buffer.getBytes(offset, prefix);
                    prefixChanged(pipe, prefix, ZmtpDescriptor.SUBSCRIBE.equals(name));
                    break;
                default:
                    break;
            }
            return null;
        }
        catch (final IllegalArgumentException ex)
        {
            return "bad subscription: " + ex.getMessage();
        }
    }

    /**
     * Marks an attaching durable subscriber before its first subscription arrives (Petrel subscribers announce
     * themselves first), so publishing threads never send it a copy the durable stream sends too.
     */
    private String onDurableCommand(
        final Pipe pipe, final PublisherPeer peer, final String name, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (null == durable)
        {
            return null;
        }
        if (DurableCommand.ATTACH.equals(name))
        {
            peer.markDurable();
        }
        return durable.onCommand(pipe, name, buffer, offset, length);
    }

    private void onDurableSubscriptionsChanged(final PublisherPeer peer)
    {
        if (null != durable && peer.isDurable())
        {
            durable.scheduleDispatch();
        }
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
