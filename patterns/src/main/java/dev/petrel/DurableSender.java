package dev.petrel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.RecordHandler;
import dev.petrel.durability.ReceiverCursors;
import dev.petrel.durability.ReceiverPosition;
import dev.petrel.patterns.DurableCommand;
import dev.petrel.transport.IoAgent;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;

/**
 * The durable side of a {@link Pusher} or {@link Publisher}: appends each message to the side log on the sending
 * thread, showing it to the delivery's {@link DurableDelivery#appendObserver() append observer} (a durable
 * pusher's {@link EncodedTail}) under the log's append lock, then lets the {@link DurableDelivery} deliver it from
 * the I/O thread. Keeps each known receiver's acknowledged base in its cursor, so retention frees segments once
 * everything in them is acknowledged, and resumes from that base after a restart. Moves messages delivered
 * {@code maxDeliveries} times to the dead-letter log on the node's timer thread.
 * <p>
 * {@link #send} is thread safe and blocks while the log holds as many messages not yet taken into the window as
 * the socket's own send high-water mark, or else the larger of the node's and {@link #BACKLOG_MIN}, and while the
 * cursor of a newly attached receiver is being registered; everything else runs on the I/O thread or the timer
 * thread and never blocks the I/O thread.
 */
final class DurableSender
{
    static final long REDELIVERY_TIMEOUT_NS_DEFAULT = TimeUnit.SECONDS.toNanos(30);
    static final int MAX_DELIVERIES_DEFAULT = 10;
    /**
     * The least backlog a durable socket without a send high-water mark of its own may append ahead of delivery:
     * twice the in-flight window. Its messages are already safe in the log, and with the node's default of 1,000
     * the sending thread stalled at every turn of the window (64 B stream, one node: 1.0-1.2 M msg/s at 1,000,
     * 1.5 M at 8,000).
     */
    static final int BACKLOG_MIN = 2 * InFlightWindow.CAPACITY;

    private final SocketBase socket;
    private final IoAgent agent;
    private final DurableLog log;
    private final long producerId;
    private final DurableDelivery delivery;
    private final RecordHandler appendObserver;
    private final List<String> registered = new ArrayList<>();
    private final AtomicBoolean dispatchScheduled = new AtomicBoolean();
    private final AtomicInteger registering = new AtomicInteger();
    private final Runnable dispatchTask = this::runDispatch;
    private final Runnable tickTask = this::runTick;
    private final Waiter waiter = new Waiter();
    private volatile long redeliveryTimeoutNs = REDELIVERY_TIMEOUT_NS_DEFAULT;
    private volatile int maxDeliveries = MAX_DELIVERIES_DEFAULT;
    private volatile long acknowledged;
    private volatile boolean closed;
    private ScheduledFuture<?> ticker;

    DurableSender(final SocketBase socket, final DurableLog.Context ctx, final DurableDelivery.Factory factory)
    {
        this.socket = socket;
        this.agent = socket.agent;
        this.log = DurableLog.open(ctx);
        try
        {
            this.producerId = ProducerIdFile.loadOrCreate(log.context().logDir());
            final long base = resumeBase();
            this.delivery = factory.create(this, log, producerId, base);
            this.appendObserver = delivery.appendObserver();
            this.acknowledged = delivery.acknowledged();
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
        ticker = socket.node.timer().scheduleAtFixedRate(
            () -> agent.execute(tickTask), periodNs, periodNs, TimeUnit.NANOSECONDS);
    }

    /**
     * Appends a message, waiting first while the backlog is at the high-water mark, for at most the timeout; the
     * clock is read only when there is no room.
     *
     * @return the message's sequence.
     */
    long send(final DirectBuffer payload, final int offset, final int length, final long timeoutNs)
    {
        awaitRoom(timeoutNs);
        final long sequence = log.append(payload, offset, length, appendObserver);
        scheduleDispatch();
        return sequence;
    }

    private void awaitRoom(final long timeoutNs)
    {
        final SocketSettings settings = socket.settings();
        final long highWaterMark = settings.hasOwnSendHighWaterMark() ?
            settings.sendHighWaterMark() : Math.max(settings.sendHighWaterMark(), BACKLOG_MIN);
        if (hasRoom(highWaterMark))
        {
            return;
        }
        final long deadlineNs = System.nanoTime() + timeoutNs;
        synchronized (waiter)
        {
            waiter.reset();
            while (!hasRoom(highWaterMark))
            {
                if (closed)
                {
                    throw new SocketClosedException(socketName() + " closed while sending");
                }
                if (System.nanoTime() - deadlineNs > 0)
                {
                    throw new BackPressureException("no durable " + receiverKind() + " took messages within the " +
                        "send timeout of " + socket.settings().sendTimeoutNs() / 1_000_000 + " ms (high-water mark " +
                        highWaterMark + ")");
                }
                waiter.idle("send");
            }
        }
    }

    /**
     * Checked before taking the waiter's lock, which only threads that must wait contend for: as before, the room
     * seen is not reserved, so concurrent senders may each append one past the high-water mark.
     */
    private boolean hasRoom(final long highWaterMark)
    {
        return log.lastSequence() - delivery.loadedThrough() < highWaterMark && 0 == registering.get();
    }

    private String receiverKind()
    {
        return socket instanceof Pusher ? "puller" : "subscriber";
    }

    private String socketName()
    {
        return socket.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /**
     * Has the I/O thread run a dispatch pass soon; any thread.
     */
    void scheduleDispatch()
    {
        if (!dispatchScheduled.get() && dispatchScheduled.compareAndSet(false, true))
        {
            agent.execute(dispatchTask);
        }
    }

    private void runDispatch()
    {
        dispatchScheduled.set(false);
        if (closed)
        {
            return;
        }
        final boolean again = delivery.dispatch(System.nanoTime());
        if (delivery.takeBaseMoved())
        {
            onBaseMoved();
        }
        if (again)
        {
            scheduleDispatch();
        }
    }

    private void runTick()
    {
        if (!closed)
        {
            delivery.onTick(System.nanoTime(), redeliveryTimeoutNs);
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
            register(receiver);
            delivery.onAttach(pipe, receiver);
            runDispatch();
        }
        else if (DurableCommand.ACK.equals(name))
        {
            if (delivery.onAck(pipe, DurableCommand.longField(buffer, offset, length, 1)))
            {
                onBaseMoved();
            }
            runDispatch();
        }
        else if (DurableCommand.NACK.equals(name))
        {
            delivery.onNack(pipe, DurableCommand.longField(buffer, offset, length, 1));
            runDispatch();
        }
    }

    void onDetached(final Pipe pipe)
    {
        if (!closed)
        {
            delivery.onDetached(pipe);
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
        // Sends wait until the cursor exists, so retention cannot free records a new receiver starts with (#6).
        registering.incrementAndGet();
        socket.node.timer().execute(() ->
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
            finally
            {
                registering.decrementAndGet();
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
        acknowledged = delivery.acknowledged();
        final ReceiverCursors cursors = log.receivers();
        for (int i = 0, n = registered.size(); i < n; i++)
        {
            final String name = registered.get(i);
            if (cursors.isRegistered(name))
            {
                cursors.ack(name, delivery.acknowledged(name));
            }
        }
    }

    /**
     * Copies a message to the dead-letter log on the timer thread, then settles it on the I/O thread in the
     * dispatcher that gave up on it.
     */
    void deadLetter(final DurableDispatcher from, final long sequence, final int deliveries)
    {
        final String receiver = delivery.receiverName(from);
        final String reason = "not acknowledged after " + deliveries + " deliveries" +
            (null == receiver ? "" : " to durable receiver '" + receiver + "'");
        socket.node.timer().execute(() ->
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
                    log.deadLetters().moveFrom(log, sequence, reason);
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
                if (!closed && from.onDeadLettered(sequence, done))
                {
                    onBaseMoved();
                }
                runDispatch();
            });
        });
    }

    void onError(final Throwable error)
    {
        socket.node.onError(error);
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
        if (!socket.node.isClosed())
        {
            final CompletableFuture<Void> stopped = new CompletableFuture<>();
            agent.execute(() ->
            {
                delivery.close();
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
            delivery.close();
        }
        log.close();
    }
}
