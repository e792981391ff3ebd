package dev.petrel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.ReceiverCursors;
import dev.petrel.durability.ReceiverPosition;
import dev.petrel.patterns.DurableCommand;
import dev.petrel.transport.IoAgent;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;

/**
 * The durable side of a {@link Pusher}: appends each message to the side log on the sending thread, then lets the
 * {@link DurableDispatcher} deliver it from the I/O thread. Keeps the acknowledged base in every known receiver's
 * cursor, so retention frees segments once everything in them is acknowledged, and resumes from that base after a
 * restart. Moves messages delivered {@code maxDeliveries} times to the dead-letter log on the node's timer thread.
 * <p>
 * {@link #send} is thread safe and blocks while the log holds {@code sendHighWaterMark} messages not yet taken
 * into the window; everything else runs on the I/O thread or the timer thread and never blocks the I/O thread.
 */
final class DurableSender
{
    static final long REDELIVERY_TIMEOUT_NS_DEFAULT = TimeUnit.SECONDS.toNanos(30);
    static final int MAX_DELIVERIES_DEFAULT = 10;

    private final Pusher pusher;
    private final IoAgent agent;
    private final DurableLog log;
    private final long producerId;
    private final DurableDispatcher dispatcher;
    private final List<String> registered = new ArrayList<>();
    private final AtomicBoolean dispatchScheduled = new AtomicBoolean();
    private final Runnable dispatchTask = this::runDispatch;
    private final Runnable tickTask = this::runTick;
    private final Waiter waiter = new Waiter();
    private volatile long redeliveryTimeoutNs = REDELIVERY_TIMEOUT_NS_DEFAULT;
    private volatile int maxDeliveries = MAX_DELIVERIES_DEFAULT;
    private volatile long acknowledged;
    private volatile boolean closed;
    private ScheduledFuture<?> ticker;

    DurableSender(final Pusher pusher, final DurableLog.Context ctx)
    {
        this.pusher = pusher;
        this.agent = pusher.agent;
        this.log = DurableLog.open(ctx);
        try
        {
            this.producerId = ProducerIdFile.loadOrCreate(log.context().logDir());
            final long base = resumeBase();
            this.acknowledged = base;
            this.dispatcher = new DurableDispatcher(this, log, producerId, base);
        }
        catch (final RuntimeException ex)
        {
            log.close();
            throw ex;
        }
        startTicker();
    }

    /**
     * The sequence up to which every retained record counts as acknowledged: the lowest cursor of the receivers
     * known to the log, or nothing at all while no receiver ever attached, so that what was appended before the
     * first receiver registered is delivered to it rather than skipped.
     */
    private long resumeBase()
    {
        long base = Long.MAX_VALUE;
        for (final ReceiverPosition position : log.receivers().positions())
        {
            registered.add(position.name());
            base = Math.min(base, position.ackedSequence());
        }
        final long firstRetained = log.firstSequence() - 1;
        return registered.isEmpty() ? firstRetained : Math.max(Math.min(base, log.lastSequence()), firstRetained);
    }

    long producerId()
    {
        return producerId;
    }

    long acknowledged()
    {
        return acknowledged;
    }

    DurableLog log()
    {
        return log;
    }

    int maxDeliveries()
    {
        return maxDeliveries;
    }

    void maxDeliveries(final int maxDeliveries)
    {
        if (maxDeliveries <= 0)
        {
            throw new IllegalArgumentException("maxDeliveries must be positive: " + maxDeliveries);
        }
        this.maxDeliveries = maxDeliveries;
    }

    void redeliveryTimeoutNs(final long timeoutNs)
    {
        if (timeoutNs <= 0)
        {
            throw new IllegalArgumentException("the redelivery timeout must be positive");
        }
        this.redeliveryTimeoutNs = timeoutNs;
        synchronized (this)
        {
            if (!closed)
            {
                ticker.cancel(false);
                startTicker();
            }
        }
    }

    private synchronized void startTicker()
    {
        final long periodNs = Math.max(TimeUnit.MILLISECONDS.toNanos(1), redeliveryTimeoutNs / 4);
        ticker = pusher.node.timer().scheduleAtFixedRate(
            () -> agent.execute(tickTask), periodNs, periodNs, TimeUnit.NANOSECONDS);
    }

    /**
     * Appends a message, waiting first while the backlog is at the high-water mark.
     *
     * @return the message's sequence.
     */
    long send(final DirectBuffer payload, final int offset, final int length, final long deadlineNs)
    {
        awaitRoom(deadlineNs);
        final long sequence = log.append(payload, offset, length);
        scheduleDispatch();
        return sequence;
    }

    private void awaitRoom(final long deadlineNs)
    {
        final long highWaterMark = pusher.settings().sendHighWaterMark();
        synchronized (waiter)
        {
            waiter.reset();
            while (log.lastSequence() - dispatcher.window().loadedThrough() >= highWaterMark)
            {
                if (closed)
                {
                    throw new SocketClosedException("pusher closed while sending");
                }
                if (System.nanoTime() - deadlineNs > 0)
                {
                    throw new BackPressureException("no durable puller took messages within the send timeout of " +
                        pusher.settings().sendTimeoutNs() / 1_000_000 + " ms (high-water mark " + highWaterMark + ")");
                }
                waiter.idle("send");
            }
        }
    }

    private void scheduleDispatch()
    {
        if (!dispatchScheduled.get() && dispatchScheduled.compareAndSet(false, true))
        {
            agent.execute(dispatchTask);
        }
    }

    private void runDispatch()
    {
        dispatchScheduled.set(false);
        if (!closed && dispatcher.dispatch(System.nanoTime()))
        {
            scheduleDispatch();
        }
    }

    private void runTick()
    {
        if (!closed)
        {
            dispatcher.onTick(System.nanoTime(), redeliveryTimeoutNs);
            runDispatch();
        }
    }

    String onCommand(final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        if (closed)
        {
            return null;
        }
        try
        {
            onDurableCommand(pipe, name, buffer, offset, length);
        }
        catch (final IllegalArgumentException ex)
        {
            return ex.getMessage();
        }
        return null;
    }

    private void onDurableCommand(
        final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        if (DurableCommand.ATTACH.equals(name))
        {
            final String receiver = DurableCommand.decodeAttach(buffer, offset, length);
            dispatcher.onAttach(pipe, receiver);
            register(receiver);
            runDispatch();
        }
        else if (DurableCommand.ACK.equals(name))
        {
            if (dispatcher.onAck(pipe, DurableCommand.longField(buffer, offset, length, 1)))
            {
                onBaseMoved();
            }
            runDispatch();
        }
        else if (DurableCommand.NACK.equals(name))
        {
            dispatcher.onNack(pipe, DurableCommand.longField(buffer, offset, length, 1));
            runDispatch();
        }
    }

    void onDetached(final Pipe pipe)
    {
        if (!closed)
        {
            dispatcher.onDetached(pipe);
            runDispatch();
        }
    }

    private void register(final String name)
    {
        if (registered.contains(name))
        {
            return;
        }
        registered.add(name);
        final ReceiverCursors cursors = log.receivers();
        pusher.node.timer().execute(() ->
        {
            try
            {
                // Under the lock close() takes before it closes the log, so the cursors are still mapped.
                synchronized (this)
                {
                    if (closed)
                    {
                        return;
                    }
                    cursors.register(name);
                }
                agent.execute(this::onBaseMovedUnlessClosed);
            }
            catch (final RuntimeException ex)
            {
                onError(ex);
            }
        });
    }

    private void onBaseMovedUnlessClosed()
    {
        if (!closed)
        {
            onBaseMoved();
        }
    }

    private void onBaseMoved()
    {
        final long base = dispatcher.window().base();
        acknowledged = base;
        final ReceiverCursors cursors = log.receivers();
        for (int i = 0, n = registered.size(); i < n; i++)
        {
            final String name = registered.get(i);
            if (cursors.isRegistered(name))
            {
                cursors.ack(name, base);
            }
        }
    }

    /**
     * Copies a message to the dead-letter log on the timer thread, then settles it on the I/O thread.
     */
    void deadLetter(final long sequence, final int deliveries)
    {
        pusher.node.timer().execute(() ->
        {
            boolean moved = false;
            try
            {
                synchronized (this)
                {
                    if (closed)
                    {
                        return;
                    }
                    log.deadLetters().moveFrom(log, sequence, "not acknowledged after " + deliveries + " deliveries");
                }
                moved = true;
            }
            catch (final RuntimeException ex)
            {
                onError(ex);
            }
            final boolean done = moved;
            agent.execute(() ->
            {
                if (!closed && dispatcher.onDeadLettered(sequence, done))
                {
                    onBaseMoved();
                }
                runDispatch();
            });
        });
    }

    void onError(final Throwable error)
    {
        pusher.node.onError(error);
    }

    /**
     * Stops delivering (on the I/O thread, so no pass is under way), then closes the log on the calling thread.
     */
    void close()
    {
        synchronized (this)
        {
            closed = true;
            ticker.cancel(false);
        }
        if (!pusher.node.isClosed())
        {
            final CompletableFuture<Void> stopped = new CompletableFuture<>();
            agent.execute(() ->
            {
                dispatcher.close();
                stopped.complete(null);
            });
            try
            {
                stopped.get(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                onError(ex);
            }
        }
        else
        {
            dispatcher.close();
        }
        log.close();
    }
}
