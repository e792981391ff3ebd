package dev.petrel;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.petrel.transport.IdleStrategies;
import dev.petrel.transport.IoAgent;
import dev.petrel.transport.TransportListener;

/**
 * A Petrel node: owns one I/O thread and the sockets made from it. Close it to release every thread, socket and
 * port it holds.
 * <pre>{@code
 * try (Node node = Node.create())
 * {
 *     Publisher pub = node.publisher();
 *     pub.bind("tcp://*:5556");
 *     pub.publish("orders.eu.new", bytes);
 * }
 * }</pre>
 */
public final class Node implements AutoCloseable
{
    private static final System.Logger LOGGER = System.getLogger("dev.petrel");

    private final NodeContext context;
    private final IoAgent agent;
    private final Set<SocketBase> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong connectionsClosed = new AtomicLong();
    private final Map<String, LongAdder> closeReasons = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;
    private volatile boolean closed;

    private Node(final NodeContext context)
    {
        this.context = context.conclude();
        this.agent = new IoAgent(
            new Listener(), IdleStrategies.parse(context.idleStrategy()), context.aeronDirectory());
        this.agent.start();
    }

    /**
     * @return a node with default settings.
     */
    public static Node create()
    {
        return new Node(new NodeContext());
    }

    /**
     * @param context the settings; concluded here.
     * @return a node.
     */
    public static Node create(final NodeContext context)
    {
        return new Node(context);
    }

    /**
     * @return a new publisher (ZeroMQ PUB on the wire).
     */
    public Publisher publisher()
    {
        return register(new Publisher(this));
    }

    /**
     * @return a new subscriber (ZeroMQ SUB on the wire).
     */
    public Subscriber subscriber()
    {
        return register(new Subscriber(this));
    }

    /**
     * @return a new pusher (ZeroMQ PUSH on the wire).
     */
    public Pusher pusher()
    {
        return register(new Pusher(this));
    }

    /**
     * @return a new puller (ZeroMQ PULL on the wire).
     */
    public Puller puller()
    {
        return register(new Puller(this));
    }

    /**
     * @return a new requester (ZeroMQ DEALER on the wire).
     */
    public Requester requester()
    {
        return register(new Requester(this));
    }

    /**
     * @return a new replier (ZeroMQ ROUTER on the wire).
     */
    public Replier replier()
    {
        return register(new Replier(this));
    }

    /**
     * @return the node's timer thread, started on first use (request timeouts and retries).
     */
    ScheduledExecutorService timer()
    {
        ScheduledExecutorService t = timer;
        if (null == t)
        {
            synchronized (this)
            {
                t = timer;
                if (null == t)
                {
                    final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable ->
                    {
                        final Thread thread = new Thread(runnable, "petrel-timer");
                        thread.setDaemon(true);
                        return thread;
                    });
                    executor.setRemoveOnCancelPolicy(true);
                    t = executor;
                    timer = t;
                }
            }
        }
        return t;
    }

    private <T extends SocketBase> T register(final T socket)
    {
        if (closed)
        {
            throw new SocketClosedException("node is closed");
        }
        sockets.add(socket);
        return socket;
    }

    /**
     * @return the node's settings.
     */
    public NodeContext context()
    {
        return context;
    }

    /**
     * @return the node's counters.
     */
    public NodeStats stats()
    {
        final Map<String, Long> reasons = new TreeMap<>();
        closeReasons.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return new NodeStats(errors.get(), connectionsClosed.get(), reasons);
    }

    /**
     * @return true once closed.
     */
    public boolean isClosed()
    {
        return closed;
    }

    IoAgent agent()
    {
        return agent;
    }

    void remove(final SocketBase socket)
    {
        sockets.remove(socket);
    }

    void onError(final Throwable error)
    {
        errors.incrementAndGet();
        LOGGER.log(Level.WARNING, "petrel: " + error, error);
    }

    /**
     * Closes every socket (each lingers up to its linger time to send what it queued), then stops the I/O thread.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        for (final SocketBase socket : new ArrayList<>(sockets))
        {
            socket.close();
        }
        closed = true;
        agent.close();
        final ScheduledExecutorService t = timer;
        if (null != t)
        {
            t.shutdownNow();
            try
            {
                t.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Counts and logs what the transport reports.
     */
    private final class Listener implements TransportListener
    {
        @Override
        public void onConnectionClosed(final String remoteAddress, final String reason)
        {
            connectionsClosed.incrementAndGet();
            closeReasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
            LOGGER.log(Level.DEBUG, "petrel: connection {0} closed: {1}", remoteAddress, reason);
        }

        @Override
        public void onError(final Throwable error)
        {
            Node.this.onError(error);
        }
    }
}
