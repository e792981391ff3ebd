package dev.petrel.transport;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The node's I/O thread: one duty cycle runs the TCP selector, drains every pipe's queue in batched writes, moves
 * inproc traffic, and keeps timers (reconnects, heartbeats, handshakes, lingering closes).
 * <p>
 * Application threads reach it through {@link #bind}, {@link #connect}, {@link #execute} and {@link #wake}; all its
 * state is touched only on its own thread.
 */
public final class IoAgent implements Agent, AutoCloseable
{
    /** {@link #blockedIn(int)}: the I/O thread is running. */
    static final int AWAKE = 0;
    /** {@link #blockedIn(int)}: the I/O thread is blocked in its selector. */
    static final int SELECTING = 1;
    /** {@link #blockedIn(int)}: the I/O thread is parked. */
    static final int PARKED = 2;
    /** A sending thread has ended the block or park; the I/O thread sets {@link #AWAKE} when it returns. */
    private static final int WOKEN = 3;
    private static final VarHandle BLOCKED_IN = VarHandles.field(MethodHandles.lookup(), "blockedIn", int.class);

    /** The system property naming the directory of an external Aeron media driver. */
    public static final String AERON_DIR_PROP_NAME = AeronMedia.AERON_DIR_PROP_NAME;

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TransportListener listener;
    private final Selector selector;
    private final ManyToOneConcurrentArrayQueue<Runnable> commands;
    private final List<TcpConnection> connections = new ArrayList<>();
    private final List<TcpConnector> connectors = new ArrayList<>();
    private final Map<PipeHandler, List<ServerSocketChannel>> listeners = new HashMap<>();
    private final Map<String, PipeHandler> inprocBindings = new HashMap<>();
    private final List<InprocConnect> inprocConnects = new ArrayList<>();
    private final List<InprocLink> links = new ArrayList<>();
    private final List<Lingering> lingering = new ArrayList<>();
    private final AeronEngine aeron;
    private final String roleName = "petrel-io-" + COUNTER.incrementAndGet();
    private final AgentRunner runner;
    private volatile int blockedIn;
    private Thread ioThread;
    private long nowNs = System.nanoTime();
    private long lastOfferNs;

    /**
     * @param listener receives connection events and errors.
     * @param idle     how the I/O thread idles.
     */
    public IoAgent(final TransportListener listener, final IdleStrategies idle)
    {
        this(listener, idle, System.getProperty(AERON_DIR_PROP_NAME));
    }

    /**
     * @param listener       receives connection events and errors.
     * @param idle           how the I/O thread idles.
     * @param aeronDirectory the directory of an external Aeron media driver, or null for an embedded one.
     */
    public IoAgent(final TransportListener listener, final IdleStrategies idle, final String aeronDirectory)
    {
        UnsafeAccessCheck.check();
        this.aeron = new AeronEngine(this, aeronDirectory);
        this.commands = new ManyToOneConcurrentArrayQueue<>(4096);
        this.listener = listener;
        try
        {
            this.selector = Selector.open();
        }
        catch (final IOException ex)
        {
            throw new TransportException("cannot open a selector: " + ex.getMessage(), ex);
        }
        this.runner = new AgentRunner(new SelectorIdleStrategy(this, idle), listener::onError, null, this);
    }

    /**
     * Starts the I/O thread.
     */
    public void start()
    {
        AgentRunner.startOnThread(runner);
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    /**
     * Binds a socket to an endpoint. TCP binding happens on the calling thread so errors (address in use) are
     * thrown here.
     *
     * @param handler  the socket.
     * @param endpoint where to listen.
     * @return the endpoint actually bound (with the real port when 0 was asked for).
     */
    public Endpoint bind(final PipeHandler handler, final Endpoint endpoint)
    {
        if (Endpoint.Kind.INPROC == endpoint.kind())
        {
            final CompletableFuture<Void> done = new CompletableFuture<>();
            execute(() -> bindInproc(handler, endpoint.host(), done));
            done.join();
            return endpoint;
        }
        if (Endpoint.Kind.AERON == endpoint.kind())
        {
            return callOnIoThread(() -> aeron.bind(handler, endpoint));
        }
        if (Endpoint.Kind.TCP != endpoint.kind())
        {
            throw new TransportException("the TCP engine cannot bind " + endpoint);
        }
        final ServerSocketChannel server = openServer(endpoint);
        try
        {
            final Endpoint bound = Endpoint.tcp((InetSocketAddress)server.getLocalAddress());
            execute(() -> registerServer(handler, server));
            return bound;
        }
        catch (final IOException ex)
        {
            closeQuietly(server);
            throw new TransportException("cannot bind " + endpoint + ": " + ex.getMessage(), ex);
        }
    }

    private static ServerSocketChannel openServer(final Endpoint endpoint)
    {
        ServerSocketChannel server = null;
        try
        {
            server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(endpoint.bindAddress(), 128);
            server.configureBlocking(false);
            return server;
        }
        catch (final BindException ex)
        {
            closeQuietly(server);
            throw new TransportException("cannot bind " + endpoint + ": address in use or not local", ex);
        }
        catch (final IOException | RuntimeException ex)
        {
            closeQuietly(server);
            throw new TransportException("cannot bind " + endpoint + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Connects a socket to an endpoint; the connection is made, and remade after failures, in the background.
     *
     * @param handler  the socket.
     * @param endpoint where to connect.
     */
    public void connect(final PipeHandler handler, final Endpoint endpoint)
    {
        if (Endpoint.Kind.INPROC == endpoint.kind())
        {
            execute(() -> inprocConnects.add(new InprocConnect(handler, endpoint.host())));
            return;
        }
        if (Endpoint.Kind.AERON == endpoint.kind())
        {
            callOnIoThread(() ->
            {
                aeron.connect(handler, endpoint, nowNs);
                return endpoint;
            });
            return;
        }
        if (Endpoint.Kind.TCP != endpoint.kind())
        {
            throw new TransportException("the TCP engine cannot connect to " + endpoint);
        }
        final InetSocketAddress address = endpoint.connectAddress();
        execute(() -> connectors.add(new TcpConnector(handler, endpoint, address)));
    }

    private <T> T callOnIoThread(final java.util.function.Supplier<T> task)
    {
        final CompletableFuture<T> done = new CompletableFuture<>();
        execute(() ->
        {
            try
            {
                done.complete(task.get());
            }
            catch (final RuntimeException ex)
            {
                done.completeExceptionally(ex);
            }
        });
        try
        {
            return done.join();
        }
        catch (final java.util.concurrent.CompletionException ex)
        {
            if (ex.getCause() instanceof TransportException)
            {
                throw (TransportException)ex.getCause();
            }
            throw new TransportException(String.valueOf(ex.getCause().getMessage()), ex.getCause());
        }
    }

    /**
     * Closes everything a socket owns, first letting queued messages reach the network for up to its linger time.
     *
     * @param handler the socket.
     * @return completes when the socket's connections are closed.
     */
    public CompletableFuture<Void> closeHandler(final PipeHandler handler)
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> startClosing(handler, done));
        return done;
    }

    /**
     * Runs a task on the I/O thread.
     *
     * @param task the task; it must not block.
     */
    public void execute(final Runnable task)
    {
        while (!commands.offer(task))
        {
            if (runner.isClosed())
            {
                throw new TransportException("node is closed");
            }
            wake();
            Thread.yield();
        }
        wake();
    }

    /**
     * Records that a sending thread queued a message now, and tells whether the node had been quiet before it.
     * Shared by all of the node's connections, so a publish fanned out to several peers counts as one burst.
     * Written without synchronisation: a lost update only changes which thread writes one message.
     *
     * @param gapNs how long without messages counts as quiet.
     * @return true when no message was queued on this node within the gap.
     */
    boolean isQuietOffer(final long gapNs)
    {
        final long nowNs = System.nanoTime();
        final boolean quiet = nowNs - lastOfferNs > gapNs;
        lastOfferNs = nowNs;
        return quiet;
    }

    /**
     * Ends an idle period of the I/O thread early, like {@link #wake()}, but reads its state without a fence: for
     * a sender that wrote straight into an Aeron publication, where a fence would not close the race anyway (the
     * I/O thread does not look at Aeron images before it idles), so a busy I/O thread costs the sender one read.
     * A write that races the I/O thread into its idle period is taken when the period ends, as a message from
     * another process is.
     */
    void wakeIfIdle()
    {
        final int state = (int)BLOCKED_IN.getAcquire(this);
        if (AWAKE != state && WOKEN != state)
        {
            wake();
        }
    }

    /**
     * Ends an idle period of the I/O thread early, when it is blocked in its selector or parked.
     */
    public void wake()
    {
        // The caller's queue write is a release store; without a full fence the read of the flag below could be
        // ordered before it, miss the I/O thread going to sleep, and leave the write unseen until a timeout.
        // Only the caller that moves the state on wakes the thread: a burst of sends costs one wake-up system call.
        VarHandle.fullFence();
        final int state = blockedIn;
        if (AWAKE == state || WOKEN == state || !BLOCKED_IN.compareAndSet(this, state, WOKEN))
        {
            return;
        }
        if (SELECTING == state)
        {
            selector.wakeup();
        }
        else
        {
            LockSupport.unpark(runner.thread());
        }
    }

    /**
     * @return true when called on this agent's I/O thread.
     */
    public boolean isIoThread()
    {
        // A plain field: the I/O thread reads its own write, and any other thread sees null or that thread,
        // both of which differ from itself.
        return Thread.currentThread() == ioThread;
    }

    Selector selector()
    {
        return selector;
    }

    boolean pollsAeron()
    {
        return aeron.isStarted();
    }

    /**
     * @param state {@link #AWAKE}, {@link #SELECTING} or {@link #PARKED}; set by the idle strategy around a block.
     */
    void blockedIn(final int state)
    {
        this.blockedIn = state;
    }

    boolean hasImmediateWork()
    {
        if (!commands.isEmpty())
        {
            return true;
        }
        for (int i = 0, n = connections.size(); i < n; i++)
        {
            if (connections.get(i).hasWritableWork())
            {
                return true;
            }
        }
        for (int i = 0, n = links.size(); i < n; i++)
        {
            if (links.get(i).hasQueued())
            {
                return true;
            }
        }
        return aeron.hasQueued();
    }

    long millisToNextTimer()
    {
        long millis = lingering.isEmpty() && !aeron.isStarted() ? 100 : 1;
        for (int i = 0, n = connectors.size(); i < n; i++)
        {
            final TcpConnector connector = connectors.get(i);
            if (null == connector.connection() && null == connector.pending())
            {
                millis = Math.min(millis, Math.max(1, connector.millisUntilDue(System.nanoTime())));
            }
        }
        for (int i = 0, n = connections.size(); i < n; i++)
        {
            if (connections.get(i).hasPendingDelivery())
            {
                millis = 1;
            }
        }
        return millis;
    }

    @Override
    public int doWork()
    {
        nowNs = System.nanoTime();
        int work = drainCommands();
        work += select();
        for (int i = 0; i < connections.size(); i++)
        {
            final TcpConnection connection = connections.get(i);
            work += connection.onTick(nowNs);
            work += connection.flush();
        }
        for (int i = 0; i < links.size(); i++)
        {
            work += links.get(i).transfer();
        }
        links.removeIf(InprocLink::isClosed);
        work += aeron.doWork(nowNs);
        work += connectDue();
        work += finishLingering();
        return work;
    }

    /**
     * Runs the tasks queued before this duty cycle began; a task that queues itself again runs in the next cycle,
     * after the pipes have been drained, so a retrying task cannot starve the rest of the cycle.
     */
    private int drainCommands()
    {
        int work = 0;
        Runnable task;
        for (int i = commands.size(); i > 0 && null != (task = commands.poll()); i--)
        {
            try
            {
                task.run();
            }
            catch (final RuntimeException ex)
            {
                listener.onError(ex);
            }
            work++;
        }
        return work;
    }

    private int select()
    {
        try
        {
            if (selector.keys().isEmpty() || 0 == selector.selectNow() && selector.selectedKeys().isEmpty())
            {
                return 0;
            }
        }
        catch (final IOException ex)
        {
            listener.onError(ex);
            return 0;
        }
        int work = 0;
        final Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext())
        {
            final SelectionKey key = keys.next();
            keys.remove();
            work++;
            if (key.isValid())
            {
                dispatch(key);
            }
        }
        return work;
    }

    private void dispatch(final SelectionKey key)
    {
        final Object attachment = key.attachment();
        if (attachment instanceof TcpConnection)
        {
            final TcpConnection connection = (TcpConnection)attachment;
            if (key.isReadable())
            {
                connection.onReadable(nowNs);
            }
            if (key.isValid() && key.isWritable())
            {
                connection.flush();
            }
        }
        else if (attachment instanceof TcpConnector)
        {
            finishConnect((TcpConnector)attachment, key);
        }
        else if (attachment instanceof PipeHandler)
        {
            accept((PipeHandler)attachment, (ServerSocketChannel)key.channel());
        }
    }

    private void registerServer(final PipeHandler handler, final ServerSocketChannel server)
    {
        try
        {
            server.register(selector, SelectionKey.OP_ACCEPT, handler);
            listeners.computeIfAbsent(handler, h -> new ArrayList<>()).add(server);
        }
        catch (final ClosedChannelException ex)
        {
            listener.onError(ex);
        }
    }

    private void accept(final PipeHandler handler, final ServerSocketChannel server)
    {
        for (int i = 0; i < 16; i++)
        {
            final SocketChannel channel;
            try
            {
                channel = server.accept();
                if (null == channel)
                {
                    return;
                }
                configure(channel);
            }
            catch (final IOException ex)
            {
                listener.onError(ex);
                return;
            }
            startConnection(channel, handler, null, describe(channel));
        }
    }

    private static void configure(final SocketChannel channel) throws IOException
    {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    private static String describe(final SocketChannel channel)
    {
        try
        {
            return "tcp:/" + channel.getRemoteAddress();
        }
        catch (final IOException ex)
        {
            return "tcp://unknown";
        }
    }

    private void startConnection(
        final SocketChannel channel, final PipeHandler handler, final TcpConnector connector, final String remote)
    {
        startConnection(channel, handler, connector, remote, null);
    }

    private void startConnection(
        final SocketChannel channel,
        final PipeHandler handler,
        final TcpConnector connector,
        final String remote,
        final SelectionKey existingKey)
    {
        final TcpConnection connection = new TcpConnection(this, channel, handler, connector, remote, nowNs);
        try
        {
            final SelectionKey key;
            if (null == existingKey)
            {
                key = channel.register(selector, SelectionKey.OP_READ, connection);
            }
            else
            {
                key = existingKey;
                key.interestOps(SelectionKey.OP_READ);
                key.attach(connection);
            }
            connections.add(connection);
            if (null != connector)
            {
                connector.connected(connection);
            }
            connection.start(key);
        }
        catch (final ClosedChannelException ex)
        {
            closeQuietly(channel);
        }
    }

    private int connectDue()
    {
        int work = 0;
        for (int i = 0; i < connectors.size(); i++)
        {
            final TcpConnector connector = connectors.get(i);
            if (connector.isDue(nowNs))
            {
                startConnect(connector);
                work++;
            }
        }
        for (int i = 0; i < inprocConnects.size(); i++)
        {
            work += inprocConnects.get(i).tryLink(this);
        }
        return work;
    }

    private void startConnect(final TcpConnector connector)
    {
        SocketChannel channel = null;
        try
        {
            channel = SocketChannel.open();
            configure(channel);
            if (channel.connect(connector.address()))
            {
                startConnection(channel, connector.handler(), connector, connector.endpoint());
            }
            else
            {
                connector.pending(channel);
                channel.register(selector, SelectionKey.OP_CONNECT, connector);
            }
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            connector.scheduleRetry(nowNs);
        }
    }

    private void finishConnect(final TcpConnector connector, final SelectionKey key)
    {
        final SocketChannel channel = (SocketChannel)key.channel();
        try
        {
            if (channel.finishConnect())
            {
                startConnection(channel, connector.handler(), connector, connector.endpoint(), key);
            }
        }
        catch (final IOException ex)
        {
            key.cancel();
            closeQuietly(channel);
            connector.scheduleRetry(nowNs);
        }
    }

    void onConnectionClosed(
        final TcpConnection connection, final String reason, final boolean report, final boolean wasActive)
    {
        connections.remove(connection);
        final TcpConnector connector = connection.connector();
        if (null != connector && !connector.isStopped())
        {
            connector.scheduleRetry(nowNs);
        }
        if (report)
        {
            listener.onConnectionClosed(connection.remoteAddress(), reason);
        }
    }

    private void bindInproc(final PipeHandler handler, final String name, final CompletableFuture<Void> done)
    {
        final PipeHandler existing = inprocBindings.putIfAbsent(name, handler);
        if (null != existing && existing != handler)
        {
            done.completeExceptionally(new TransportException("inproc://" + name + " is already bound"));
            return;
        }
        done.complete(null);
    }

    PipeHandler inprocBinding(final String name)
    {
        return inprocBindings.get(name);
    }

    void addLink(final InprocLink link)
    {
        links.add(link);
        link.attach();
    }

    void reportIncompatible(final String name, final String reason)
    {
        listener.onConnectionClosed("inproc://" + name, reason);
    }

    void reportClosed(final String remoteAddress, final String reason)
    {
        listener.onConnectionClosed(remoteAddress, reason);
    }

    private void startClosing(final PipeHandler handler, final CompletableFuture<Void> done)
    {
        final List<ServerSocketChannel> servers = listeners.remove(handler);
        if (null != servers)
        {
            servers.forEach(IoAgent::closeQuietly);
        }
        inprocBindings.values().removeIf(h -> h == handler);
        inprocConnects.removeIf(c -> c.handler() == handler);
        for (final TcpConnector connector : connectors)
        {
            if (connector.handler() == handler)
            {
                connector.stop();
                closeQuietly(connector.pending());
            }
        }
        connectors.removeIf(TcpConnector::isStopped);
        aeron.stop(handler);
        lingering.add(new Lingering(handler, done, nowNs + handler.settings().lingerNs()));
        for (final TcpConnection connection : connections)
        {
            if (connection.handler() == handler)
            {
                connection.linger(nowNs + handler.settings().lingerNs());
            }
        }
    }

    private int finishLingering()
    {
        if (lingering.isEmpty())
        {
            return 0;
        }
        int work = 0;
        final Iterator<Lingering> it = lingering.iterator();
        while (it.hasNext())
        {
            final Lingering entry = it.next();
            if (entry.tryFinish(nowNs))
            {
                it.remove();
                work++;
            }
        }
        return work;
    }

    /**
     * A socket being closed: done once its connections and inproc links have sent what they hold, or at its
     * deadline.
     */
    private final class Lingering
    {
        private final PipeHandler handler;
        private final CompletableFuture<Void> done;
        private final long deadlineNs;

        Lingering(final PipeHandler handler, final CompletableFuture<Void> done, final long deadlineNs)
        {
            this.handler = handler;
            this.done = done;
            this.deadlineNs = deadlineNs;
        }

        boolean tryFinish(final long now)
        {
            final boolean expired = now - deadlineNs > 0;
            boolean waiting = false;
            for (final TcpConnection connection : new ArrayList<>(connections))
            {
                if (connection.handler() == handler)
                {
                    if (connection.lingerDone(now))
                    {
                        connection.close("socket closed", false);
                    }
                    else
                    {
                        waiting = true;
                    }
                }
            }
            for (final InprocLink link : new ArrayList<>(links))
            {
                if (link.connectingHandler() == handler || link.boundHandler() == handler)
                {
                    if (link.hasQueued() && !expired)
                    {
                        waiting = true;
                    }
                    else
                    {
                        link.close();
                        links.remove(link);
                    }
                }
            }
            if (aeron.isLingering(handler, expired))
            {
                waiting = true;
            }
            if (waiting)
            {
                return false;
            }
            done.complete(null);
            return true;
        }
    }

    @Override
    public void onStart()
    {
        ioThread = Thread.currentThread();
    }

    @Override
    public void onClose()
    {
        for (final TcpConnection connection : new ArrayList<>(connections))
        {
            connection.close("node closed", false);
        }
        for (final TcpConnector connector : connectors)
        {
            closeQuietly(connector.pending());
        }
        listeners.values().forEach(list -> list.forEach(IoAgent::closeQuietly));
        for (final InprocLink link : links)
        {
            link.close();
        }
        for (final Lingering entry : lingering)
        {
            entry.done.complete(null);
        }
        Runnable task;
        while (null != (task = commands.poll()))
        {
            task.run();
        }
        aeron.close();
        closeQuietly(selector);
    }

    /**
     * Stops the I/O thread and closes every socket, listener and connection at once; returns when the thread ends.
     */
    @Override
    public void close()
    {
        selector.wakeup();
        runner.close();
    }

    void onError(final Throwable error)
    {
        listener.onError(error);
    }

    private static void closeQuietly(final java.io.Closeable closeable)
    {
        if (null != closeable)
        {
            try
            {
                closeable.close();
            }
            catch (final IOException ignore)
            {
                // already failing: the close is best effort
            }
        }
    }
}
