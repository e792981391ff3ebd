package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.petrel.patterns.Envelope;
import dev.petrel.patterns.EpochNanos;
import dev.petrel.patterns.PublisherPeer;
import dev.petrel.patterns.SubscriptionCommand;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpDescriptor;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
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
 * the high-water mark and back-pressure policy apply to the channel as a whole. Thread-safe.
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
     * @return how many subscribers it was queued for (on a multi-destination channel: how many it can reach).
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
            sent.incrementAndGet();
            if (failed && BackPressurePolicy.FAIL == policy)
            {
                throw new BackPressureException("a subscriber is at its high-water mark of " +
                    settings().sendHighWaterMark() + "; the message went to " + delivered + " others");
            }
            return delivered;
        }
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
            if (null == peer || !pipe.isPetrelPeer())
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
        int result = pipe.offer(frames);
        if (Pipe.BACK_PRESSURED == result)
        {
            result = onBackPressure(pipe);
        }
        return Pipe.OK == result;
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
                    break;
                case SubscriptionCommand.UNSUBSCRIBE:
                    peer.remove(SubscriptionCommand.decodeUnsubscribe(buffer, offset, length));
                    break;
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
}
