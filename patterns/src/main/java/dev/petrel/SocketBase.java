package dev.petrel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.petrel.transport.Endpoint;
import dev.petrel.transport.IoAgent;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.PipeHandler;
import dev.petrel.transport.TransportException;
import dev.petrel.transport.TransportSettings;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * What every socket shares: binding and connecting to endpoints, the set of connected pipes, the send lock,
 * settings, counters and closing. Subclasses add their pattern's routing.
 * <p>
 * Only the I/O thread changes the pipe set (copy on write). Application threads write to pipes under
 * {@link #sendLock}; the I/O thread never takes that lock, so a sender waiting for room cannot stall it.
 */
abstract class SocketBase implements AutoCloseable
{
    private static final Pipe[] NO_PIPES = new Pipe[0];

    final Node node;
    final IoAgent agent;
    final Object sendLock = new Object();
    final OutboundFrames frames = new OutboundFrames();
    final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(256);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    volatile Pipe[] pipes = NO_PIPES;
    private final Map<String, AtomicLongArray> drops = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final List<String> boundEndpoints = new ArrayList<>();
    private final Handler handler = new Handler();
    private final SocketSettings settings;
    private byte[] identity = new byte[0];
    private volatile boolean started;
    private volatile boolean closed;

    SocketBase(final Node node)
    {
        this.node = node;
        this.agent = node.agent();
        this.settings = new SocketSettings(node.context());
    }

    abstract ZmtpSocketType socketType();

    abstract boolean onMessage(Pipe pipe, InboundFrames frames);

    /**
     * @return true when in-process peers may hand this socket messages by reference ({@link #onObject}).
     */
    boolean acceptsObjects()
    {
        return false;
    }

    /**
     * A message from an in-process peer by reference (I/O thread); only called when {@link #acceptsObjects()}.
     *
     * @return true when taken; false to be called again later.
     */
    boolean onObject(final Pipe pipe, final Object message)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no objects");
    }

    /**
     * A new peer, before other threads can see it: the only moment the I/O thread may write to its pipe freely.
     */
    void onAttached(final Pipe pipe)
    {
    }

    /**
     * A peer went away (on the I/O thread), before the set of pipes changes.
     */
    void onDetached(final Pipe pipe)
    {
    }

    /**
     * The set of pipes changed (on the I/O thread).
     */
    void onPipesChanged()
    {
    }

    String onCommand(final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        return null;
    }

    /**
     * Binds to an endpoint and listens for peers. May be called for several endpoints.
     *
     * @param endpoint e.g. {@code tcp://*:5556}, {@code tcp://127.0.0.1:0}, {@code inproc://name},
     *                 {@code aeron:udp?endpoint=127.0.0.1:40123} or {@code aeron:ipc}; a Publisher may also
     *                 bind a multi-destination endpoint,
     *                 {@code aeron:udp?control=127.0.0.1:40124|control-mode=dynamic}.
     * @return the endpoint actually bound, with the real port when 0 was asked for.
     * @throws IllegalArgumentException for a malformed endpoint.
     * @throws PetrelException when binding fails (address in use).
     */
    public String bind(final String endpoint)
    {
        final Endpoint parsed = checkEndpoint(endpoint);
        try
        {
            final String bound = agent.bind(handler, parsed).uri();
            synchronized (boundEndpoints)
            {
                boundEndpoints.add(bound);
            }
            return bound;
        }
        catch (final TransportException ex)
        {
            throw new PetrelException(ex.getMessage(), ex);
        }
    }

    /**
     * Connects to an endpoint. The connection is made in the background and remade after failures, so this
     * returns at once; peers that are not up yet are reached when they start. May be called for several endpoints.
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:5556}, {@code inproc://name},
     *                 {@code aeron:udp?endpoint=127.0.0.1:40123} or {@code aeron:ipc}; a Subscriber may also
     *                 connect to a publisher's multi-destination endpoint, {@code aeron:udp?control=127.0.0.1:40124}.
     * @throws IllegalArgumentException for a malformed endpoint.
     */
    public void connect(final String endpoint)
    {
        final Endpoint parsed = checkEndpoint(endpoint);
        try
        {
            agent.connect(handler, parsed);
        }
        catch (final TransportException ex)
        {
            throw new PetrelException(ex.getMessage(), ex);
        }
    }

    private Endpoint checkEndpoint(final String endpoint)
    {
        checkNotClosed();
        final Endpoint parsed = Endpoint.parse(endpoint);
        started = true;
        return parsed;
    }

    /**
     * The blocking receive shared by the sockets with a receive queue.
     *
     * @param queue   the socket's receive queue.
     * @param timeout how long to wait.
     * @return the next message, or null when none arrived in time.
     */
    Message receiveFrom(final ReceiveQueue queue, final Duration timeout)
    {
        checkNotClosed();
        final Message message = queue.take(timeout.toNanos());
        if (null != message)
        {
            received.incrementAndGet();
        }
        return message;
    }

    /**
     * The non-blocking poll shared by the sockets with a receive queue.
     *
     * @param queue   the socket's receive queue.
     * @param handler receives the messages on the calling thread.
     * @param limit   most messages to hand over.
     * @param taken   called after the handler returns for each message.
     * @return how many were handed over.
     */
    int pollFrom(final ReceiveQueue queue, final MessageHandler handler, final int limit, final MessageHandler taken)
    {
        checkNotClosed();
        int count = 0;
        Message message;
        while (count < limit && null != (message = queue.poll()))
        {
            received.incrementAndGet();
            handler.onMessage(message);
            taken.onMessage(message);
            count++;
        }
        return count;
    }

    /**
     * @return the endpoints this socket is bound to.
     */
    public List<String> boundEndpoints()
    {
        synchronized (boundEndpoints)
        {
            return List.copyOf(boundEndpoints);
        }
    }

    /**
     * @return how many peers are connected now.
     */
    public int peerCount()
    {
        return pipes.length;
    }

    void checkNotClosed()
    {
        if (closed || node.isClosed())
        {
            throw new SocketClosedException(getClass().getSimpleName() + " is closed");
        }
    }

    boolean isClosed()
    {
        return closed || node.isClosed();
    }

    void checkNotStarted()
    {
        if (started)
        {
            throw new IllegalStateException("set socket options before the first bind or connect");
        }
    }

    SocketSettings settings()
    {
        return settings;
    }

    void identity(final byte[] identity)
    {
        checkNotStarted();
        this.identity = identity.clone();
    }

    /**
     * Counts one message sent by a thread that holds {@link #sendLock}: the lock orders the senders, so a release
     * store counts as an atomic increment would, without its fence.
     */
    void countSentUnderSendLock()
    {
        sent.lazySet(sent.get() + 1);
    }

    void countDrop(final Pipe pipe, final DropReason reason)
    {
        drops.computeIfAbsent(pipe.peerKey(), k -> new AtomicLongArray(DropReason.values().length))
            .incrementAndGet(reason.ordinal());
        dropped.incrementAndGet();
    }

    /**
     * @return this socket's counters.
     */
    public SocketStats stats()
    {
        final Map<String, Map<DropReason, Long>> byPeer = new HashMap<>();
        drops.forEach((peer, counts) ->
        {
            final Map<DropReason, Long> reasons = new EnumMap<>(DropReason.class);
            for (final DropReason reason : DropReason.values())
            {
                final long n = counts.get(reason.ordinal());
                if (n > 0)
                {
                    reasons.put(reason, n);
                }
            }
            byPeer.put(peer, reasons);
        });
        return new SocketStats(sent.get(), received.get(), dropped.get(), pipes.length, byPeer);
    }

    /**
     * Closes the socket: stops listening and connecting, lets queued messages reach the network for up to the
     * linger time, then closes its connections.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        onClose();
        if (!node.isClosed())
        {
            try
            {
                final long waitNs = settings.lingerNs() + TimeUnit.SECONDS.toNanos(5);
                agent.closeHandler(handler).get(waitNs, TimeUnit.NANOSECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            catch (final TimeoutException | java.util.concurrent.ExecutionException | TransportException ex)
            {
                node.onError(ex);
            }
        }
        onClosed();
        node.remove(this);
    }

    void onClose()
    {
    }

    /**
     * The socket's connections are closed (or the node is), so the I/O thread no longer calls it.
     */
    void onClosed()
    {
    }

    /**
     * The transport-facing side of the socket; its callbacks run on the I/O thread.
     */
    private final class Handler implements PipeHandler
    {
        @Override
        public ZmtpSocketType socketType()
        {
            return SocketBase.this.socketType();
        }

        @Override
        public byte[] identity()
        {
            return identity;
        }

        @Override
        public TransportSettings settings()
        {
            return settings;
        }

        @Override
        public void onPipeAttached(final Pipe pipe)
        {
            onAttached(pipe);
            final Pipe[] current = pipes;
            final Pipe[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = pipe;
            pipes = next;
            onPipesChanged();
        }

        @Override
        public void onPipeDetached(final Pipe pipe)
        {
            onDetached(pipe);
            final List<Pipe> next = new ArrayList<>(Arrays.asList(pipes));
            next.remove(pipe);
            pipes = next.toArray(NO_PIPES);
            onPipesChanged();
        }

        @Override
        public boolean onMessage(final Pipe pipe, final InboundFrames frames)
        {
            try
            {
                return SocketBase.this.onMessage(pipe, frames);
            }
            catch (final RuntimeException ex)
            {
                node.onError(ex);
                return true;
            }
        }

        @Override
        public boolean acceptsObjects()
        {
            return SocketBase.this.acceptsObjects();
        }

        @Override
        public boolean onObject(final Pipe pipe, final Object message)
        {
            try
            {
                return SocketBase.this.onObject(pipe, message);
            }
            catch (final RuntimeException ex)
            {
                node.onError(ex);
                return true;
            }
        }

        @Override
        public String onCommand(
            final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
        {
            return SocketBase.this.onCommand(pipe, name, buffer, offset, length);
        }
    }
}
