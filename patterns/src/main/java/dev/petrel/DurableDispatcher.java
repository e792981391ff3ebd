package dev.petrel;

import java.util.ArrayList;
import java.util.List;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.RecordHandler;
import dev.petrel.durability.exceptions.DurabilityException;
import dev.petrel.patterns.DurableCommand;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The I/O-thread half of a durable pusher: loads appended records into the {@link InFlightWindow} (through a
 * {@link WindowLoader}, from the {@link EncodedTail} the sending threads filled, else from the log), assigns each
 * to one connected durable receiver (round robin over those with room), settles what they acknowledge, puts back
 * what a lost or silent receiver held, and hands messages delivered too often to the dead-letter step.
 * A {@link DurableFanOut} runs one per durable subscriber name; its {@link DeliveryRoute} then settles at once the
 * records no connected receiver of that name wants.
 * <p>
 * Every method runs on the I/O thread, which is the only writer of a durable pusher's pipes; none blocks. A pipe
 * without room stops the pass, which {@link DurableSender} schedules again on the next duty cycle. A message too
 * large for one record of a pipe's ring is written to it in parts over as many passes as it takes, and nothing
 * else goes to that pipe meanwhile. With a single receiver whose route sends every record (a durable pusher's), a
 * pass first copies runs of encoded records from the tail straight into the connection's write buffer
 * ({@link Pipe#claimDirect()}), and only what those runs leave takes the message-by-message way.
 */
final class DurableDispatcher implements DurableDelivery
{
    private final DurableSender sender;
    private final DurableLog log;
    private final long producerId;
    private final InFlightWindow window;
    private final DeliveryRoute route;
    private final EncodedTail tail;
    private final List<SenderLink> links = new ArrayList<>();
    private final OutboundFrames ioFrames = new OutboundFrames();
    private final ExpandableArrayBuffer ioScratch = new ExpandableArrayBuffer(64);
    private final WindowLoader loader;
    private int nextLink;
    private int lastLinkId = SenderLink.NO_ID;
    private boolean roomLacking;
    private boolean held;
    private boolean skipped;
    private boolean baseMoved;

    DurableDispatcher(
        final DurableSender sender, final DurableLog log, final long producerId, final long base,
        final DeliveryRoute route, final EncodedTail tail)
    {
        this.sender = sender;
        this.log = log;
        this.producerId = producerId;
        this.window = new InFlightWindow(base);
        this.route = route;
        this.tail = tail;
        this.loader = new WindowLoader(log, tail, base + 1);
    }

    InFlightWindow window()
    {
        return window;
    }

    /**
     * Loads new records and sends everything waiting for a receiver.
     *
     * @return true when a pipe without room stopped the pass (not when no receiver is connected or every receiver
     *         is {@link DeliveryRoute#HOLD held}), or when skipped records made room for more.
     */
    @Override
    public boolean dispatch(final long nowNs)
    {
        final boolean partlyWritten = finishPartials();
        load();
        roomLacking = false;
        held = false;
        skipped = false;
        final long last = window.loadedThrough();
        long sequence = window.pendingFrom();
        if (1 == links.size() && null != tail && route.sendsEverything())
        {
            sequence = sendRuns(links.get(0), sequence, last, nowNs);
        }
        for (; sequence <= last; sequence++)
        {
            if (InFlightWindow.PENDING == window.state(sequence) && !assign(sequence, nowNs))
            {
                window.pendingFrom(sequence);
                return endPass(partlyWritten);
            }
        }
        window.pendingFrom(last + 1);
        return endPass(partlyWritten);
    }

    /**
     * Moves the base past records skipped in the pass.
     *
     * @param partlyWritten whether a message too large for one pipe record is still partly written.
     * @return true when another pass is due: a pipe lacked room, a message is partly written, or the base moved,
     *         making room for more records.
     */
    private boolean endPass(final boolean partlyWritten)
    {
        if (skipped && window.advanceBase())
        {
            baseMoved = true;
            return true;
        }
        return roomLacking || partlyWritten;
    }

    /**
     * @return true when the last pass stopped at a record that every connected receiver is
     *         {@link DeliveryRoute#HOLD holding}, so it takes nothing until they tell what they want.
     */
    boolean isHeld()
    {
        return held;
    }

    @Override
    public long loadedThrough()
    {
        return window.publishedThrough();
    }

    @Override
    public boolean takeBaseMoved()
    {
        final boolean moved = baseMoved;
        baseMoved = false;
        return moved;
    }

    @Override
    public long acknowledged()
    {
        return window.base();
    }

    @Override
    public long acknowledged(final String name)
    {
        return window.base();
    }

    @Override
    public String receiverName(final DurableDispatcher dispatcher)
    {
        return null;
    }

    /**
     * @return true when a receiver of this dispatcher is connected.
     */
    boolean hasLinks()
    {
        return !links.isEmpty();
    }

    /**
     * @return true when a message too large for one pipe record is still partly written.
     */
    private boolean finishPartials()
    {
        boolean partlyWritten = false;
        for (int i = 0, n = links.size(); i < n; i++)
        {
            partlyWritten |= !links.get(i).finishPartial();
        }
        return partlyWritten;
    }

    @Override
    public RecordHandler appendObserver()
    {
        return tail;
    }

    private void load()
    {
        while (true)
        {
            try
            {
                loader.load(window);
                break;
            }
            catch (final DurabilityException ex)
            {
                skipToRetained(ex);
            }
        }
        window.publish();
    }

    /**
     * Size or age retention removed records no receiver acknowledged: they are lost, so the window restarts at
     * the first retained record.
     */
    private void skipToRetained(final DurabilityException cause)
    {
        sender.onError(cause);
        final long first = log.firstSequence();
        window.rebase(first - 1);
        loader.restartAt(first);
    }

    private boolean assign(final long sequence, final long nowNs)
    {
        if (window.deliveries(sequence) >= sender.maxDeliveries())
        {
            window.state(sequence, InFlightWindow.DEAD_LETTERING);
            sender.deadLetter(this, sequence, window.deliveries(sequence));
            return true;
        }
        final int count = links.size();
        boolean wanted = false;
        // A link detached since the last send may have left nextLink past the end.
        int index = nextLink < count ? nextLink : 0;
        for (int i = 0; i < count; i++)
        {
            final SenderLink link = links.get(index);
            final byte verdict =
                route.verdict(link.pipe(), sequence, window.payload(sequence), window.length(sequence));
            wanted |= DeliveryRoute.SKIP != verdict;
            if (DeliveryRoute.SEND == verdict && send(link, sequence))
            {
                window.sent(sequence, link, nowNs);
                link.onSent(sequence);
                nextLink = following(index, count);
                return true;
            }
            roomLacking |= DeliveryRoute.SEND == verdict;
            index = following(index, count);
        }
        if (!wanted && count > 0)
        {
            window.state(sequence, InFlightWindow.DONE);
            skipped = true;
            return true;
        }
        held = count > 0 && !roomLacking;
        return false;
    }

    /**
     * Sends records the sending threads encoded into the tail, one after another, straight into the medium of the
     * only link while it has room and nothing queued: no verdict, frame list or queue per record. Tells the
     * receiver the base again when a record is past the window it was last told of. Stops at the first record
     * that needs more (one loaded from the log, due for the dead-letter log, or longer than the room left), which
     * the caller then sends the usual way.
     *
     * @return the first sequence not sent.
     */
    private long sendRuns(final SenderLink link, final long from, final long last, final long nowNs)
    {
        if (!link.finishPartial())
        {
            return from;
        }
        long sequence = from;
        while (true)
        {
            final long next = sendRun(link, sequence, last, nowNs);
            if (next > last || next - link.baseSent() <= InFlightWindow.CAPACITY ||
                window.base() <= link.baseSent() || !announceBase(link))
            {
                return next;
            }
            sequence = next;
        }
    }

    /**
     * @return the first sequence not sent: past the last, or one that needs more than the tail and the room.
     */
    private long sendRun(final SenderLink link, final long from, final long last, final long nowNs)
    {
        final Pipe pipe = link.pipe();
        final int room = pipe.claimDirect();
        if (0 == room)
        {
            return from;
        }
        final MutableDirectBuffer dst = pipe.directBuffer();
        final int start = pipe.directOffset();
        final int end = start + room;
        final DirectBuffer encoded = tail.buffer();
        final int maxDeliveries = sender.maxDeliveries();
        final long baseSent = link.baseSent();
        int at = start;
        long sequence = from;
        for (; sequence <= last; sequence++)
        {
            if (InFlightWindow.PENDING != window.state(sequence))
            {
                continue;
            }
            final int length = tail.length(sequence);
            if (!window.isInTail(sequence) || window.deliveries(sequence) >= maxDeliveries ||
                sequence - baseSent > InFlightWindow.CAPACITY || at + length > end)
            {
                break;
            }
            dst.putBytes(at, encoded, tail.offset(sequence), length);
            at += length;
            window.sent(sequence, link, nowNs);
            link.onSent(sequence);
        }
        pipe.commitDirect(at - start);
        return sequence;
    }

    /**
     * @return the round-robin successor of a link index, without the division a remainder costs per message.
     */
    private static int following(final int index, final int count)
    {
        return index + 1 == count ? 0 : index + 1;
    }

    private boolean send(final SenderLink link, final long sequence)
    {
        final Pipe pipe = link.pipe();
        if (!link.finishPartial())
        {
            return false;
        }
        if (sequence - link.baseSent() > InFlightWindow.CAPACITY && !announceBase(link))
        {
            return false;
        }
        if (window.isInTail(sequence))
        {
            ioFrames.encoded(tail.buffer(), tail.offset(sequence), tail.length(sequence));
        }
        else
        {
            route.encode(ioFrames, ioScratch, sequence, window.timestampNs(sequence), window.payload(sequence),
                window.length(sequence));
        }
        final int result = pipe.tryOffer(ioFrames);
        if (Pipe.BACK_PRESSURED == result && 0 == pipe.queued())
        {
            // Refused by an empty pipe: too large for one record of its ring, so it goes in parts.
            link.startPartial(Pipe.encode(ioFrames));
            return true;
        }
        return Pipe.OK == result;
    }

    /**
     * Tells the receiver of a link the window's base, so that it takes sequences up to a window past it.
     *
     * @return false when its pipe had no room.
     */
    private boolean announceBase(final SenderLink link)
    {
        ioFrames.reset().add(ioScratch, 0, DurableCommand.encodeStream(ioScratch, producerId, window.base()))
            .asCommand();
        if (Pipe.OK != link.pipe().tryOffer(ioFrames))
        {
            return false;
        }
        link.baseSent(window.base());
        return true;
    }

    @Override
    public void onAttach(final Pipe pipe, final String name)
    {
        if (null == linkOf(pipe))
        {
            lastLinkId = SenderLink.NO_ID == lastLinkId + 1 ? lastLinkId + 2 : lastLinkId + 1;
            links.add(new SenderLink(lastLinkId, pipe, name));
        }
    }

    private SenderLink linkOf(final Pipe pipe)
    {
        for (int i = 0, n = links.size(); i < n; i++)
        {
            if (links.get(i).pipe() == pipe)
            {
                return links.get(i);
            }
        }
        return null;
    }

    /**
     * Settles the first {@code count} messages sent to a receiver on this connection.
     *
     * @return true when the base moved.
     */
    @Override
    public boolean onAck(final Pipe pipe, final long count)
    {
        final SenderLink link = linkOf(pipe);
        if (null == link)
        {
            return false;
        }
        for (int i = link.settle(count); i > 0; i--)
        {
            final long settled = link.poll();
            final byte state = window.holds(settled) ? window.state(settled) : InFlightWindow.FREE;
            if (InFlightWindow.PENDING == state || InFlightWindow.SENT == state)
            {
                window.state(settled, InFlightWindow.DONE);
            }
        }
        return window.advanceBase();
    }

    /**
     * Puts back a message the receiver failed to process, so it is delivered again at once.
     */
    @Override
    public void onNack(final Pipe pipe, final long index)
    {
        final SenderLink link = linkOf(pipe);
        if (null != link)
        {
            release(link.fail(index), link);
        }
    }

    @Override
    public void onDetached(final Pipe pipe)
    {
        final SenderLink link = linkOf(pipe);
        if (null == link)
        {
            return;
        }
        links.remove(link);
        while (!link.isEmpty())
        {
            release(link.poll(), link);
        }
    }

    /**
     * Puts back every message a receiver has held for longer than the timeout.
     */
    @Override
    public void onTick(final long nowNs, final long timeoutNs)
    {
        for (long sequence = window.base() + 1; sequence <= window.loadedThrough(); sequence++)
        {
            if (InFlightWindow.SENT == window.state(sequence) && nowNs - window.sentNs(sequence) > timeoutNs)
            {
                window.state(sequence, InFlightWindow.PENDING);
            }
        }
    }

    private void release(final long sequence, final SenderLink link)
    {
        if (window.holds(sequence) && InFlightWindow.SENT == window.state(sequence) &&
            window.owner(sequence) == link.id())
        {
            window.state(sequence, InFlightWindow.PENDING);
        }
    }

    /**
     * @return true when the base moved.
     */
    boolean onDeadLettered(final long sequence, final boolean moved)
    {
        if (window.holds(sequence) && InFlightWindow.DEAD_LETTERING == window.state(sequence))
        {
            window.state(sequence, moved ? InFlightWindow.DONE : InFlightWindow.PENDING);
        }
        return window.advanceBase();
    }

    @Override
    public void close()
    {
        loader.close();
        links.clear();
    }
}
