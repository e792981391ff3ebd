package dev.petrel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.ReceiverPosition;
import dev.petrel.transport.Pipe;

/**
 * The delivery of a durable publisher: every durable subscriber name has a {@link DurableDispatcher} of its own,
 * with its own window over the log starting at that name's acknowledged position, so each name gets every record
 * its subscriptions match. Connections that attach with the same name share that name's stream, as pullers share
 * a pusher's. A name met for the first time starts after the last record appended when it attaches, as a new
 * pub/sub subscriber gets only what is published after it subscribes; names the log already knows resume where they
 * left off.
 * <p>
 * Runs on the I/O thread, except {@link #loadedThrough()} and {@link #acknowledgedSequence(String)}, which read
 * what the last dispatch pass published.
 */
final class DurableFanOut implements DurableDelivery
{
    private final DurableSender sender;
    private final DurableLog log;
    private final long producerId;
    private final DeliveryRoute route;
    private final Map<String, DurableDispatcher> byName = new LinkedHashMap<>();
    private final Map<Pipe, DurableDispatcher> byPipe = new HashMap<>();
    private final List<DurableDispatcher> dispatchers = new ArrayList<>();
    private final List<AtomicLong> positions = new ArrayList<>();
    private final Map<String, AtomicLong> acknowledgedByName = new ConcurrentHashMap<>();
    private volatile long slowestLoaded = Long.MAX_VALUE;

    DurableFanOut(final DurableSender sender, final DurableLog log, final long producerId, final DeliveryRoute route)
    {
        this.sender = sender;
        this.log = log;
        this.producerId = producerId;
        this.route = route;
        for (final ReceiverPosition position : log.receivers().positions())
        {
            add(position.name(), Math.max(position.ackedSequence(), log.firstSequence() - 1));
        }
    }

    private DurableDispatcher add(final String name, final long acked)
    {
        final DurableDispatcher dispatcher =
            new DurableDispatcher(sender, log, producerId, Math.min(acked, log.lastSequence()), route, null);
        byName.put(name, dispatcher);
        final AtomicLong position = new AtomicLong(dispatcher.acknowledged());
        dispatchers.add(dispatcher);
        positions.add(position);
        acknowledgedByName.put(name, position);
        return dispatcher;
    }

    @Override
    public boolean dispatch(final long nowNs)
    {
        boolean again = false;
        long slowest = Long.MAX_VALUE;
        for (int i = 0, n = dispatchers.size(); i < n; i++)
        {
            final DurableDispatcher dispatcher = dispatchers.get(i);
            again |= dispatcher.dispatch(nowNs);
            if (dispatcher.hasLinks() && !dispatcher.isHeld())
            {
                slowest = Math.min(slowest, dispatcher.loadedThrough());
            }
            positions.get(i).set(dispatcher.acknowledged());
        }
        slowestLoaded = slowest;
        return again;
    }

    /**
     * @return how far the slowest connected durable subscriber has taken records off the log; a subscriber that
     *         is away, or has not subscribed yet, does not hold publishers back: the log keeps what it misses.
     */
    @Override
    public long loadedThrough()
    {
        return slowestLoaded;
    }

    @Override
    public void onAttach(final Pipe pipe, final String name)
    {
        DurableDispatcher dispatcher = byName.get(name);
        if (null == dispatcher)
        {
            dispatcher = add(name, log.lastSequence());
        }
        byPipe.put(pipe, dispatcher);
        dispatcher.onAttach(pipe, name);
    }

    @Override
    public boolean onAck(final Pipe pipe, final long count)
    {
        final DurableDispatcher dispatcher = byPipe.get(pipe);
        return null != dispatcher && dispatcher.onAck(pipe, count);
    }

    @Override
    public void onNack(final Pipe pipe, final long index)
    {
        final DurableDispatcher dispatcher = byPipe.get(pipe);
        if (null != dispatcher)
        {
            dispatcher.onNack(pipe, index);
        }
    }

    @Override
    public void onDetached(final Pipe pipe)
    {
        final DurableDispatcher dispatcher = byPipe.remove(pipe);
        if (null != dispatcher)
        {
            dispatcher.onDetached(pipe);
        }
    }

    @Override
    public void onTick(final long nowNs, final long timeoutNs)
    {
        for (int i = 0, n = dispatchers.size(); i < n; i++)
        {
            dispatchers.get(i).onTick(nowNs, timeoutNs);
        }
    }

    @Override
    public boolean takeBaseMoved()
    {
        boolean moved = false;
        for (int i = 0, n = dispatchers.size(); i < n; i++)
        {
            moved |= dispatchers.get(i).takeBaseMoved();
        }
        return moved;
    }

    /**
     * @return the lowest position of the durable subscribers, or the last sequence when there are none.
     */
    @Override
    public long acknowledged()
    {
        long lowest = log.lastSequence();
        for (int i = 0, n = dispatchers.size(); i < n; i++)
        {
            lowest = Math.min(lowest, dispatchers.get(i).acknowledged());
        }
        return lowest;
    }

    @Override
    public long acknowledged(final String name)
    {
        return byName.get(name).acknowledged();
    }

    @Override
    public String receiverName(final DurableDispatcher dispatcher)
    {
        for (final Map.Entry<String, DurableDispatcher> entry : byName.entrySet())
        {
            if (entry.getValue() == dispatcher)
            {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * @param name a durable subscriber name.
     * @return the sequence up to which that subscriber acknowledged or skipped everything as of the last dispatch
     *         pass, or -1 for a name this publisher has not met; any thread.
     */
    long acknowledgedSequence(final String name)
    {
        final AtomicLong position = acknowledgedByName.get(name);
        return null == position ? -1 : position.get();
    }

    /**
     * @return the lowest {@link #acknowledgedSequence(String)} of all durable subscribers, or the log's last
     *         sequence when there are none; any thread.
     */
    long lowestAcknowledgedSequence()
    {
        long lowest = log.lastSequence();
        for (final AtomicLong position : acknowledgedByName.values())
        {
            lowest = Math.min(lowest, position.get());
        }
        return lowest;
    }

    /**
     * @return the names of the durable subscribers this publisher knows, from its log or from their attaching;
     *         any thread.
     */
    Set<String> names()
    {
        return Set.copyOf(acknowledgedByName.keySet());
    }

    @Override
    public void close()
    {
        dispatchers.forEach(DurableDispatcher::close);
        byPipe.clear();
    }
}
