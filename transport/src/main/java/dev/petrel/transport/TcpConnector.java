package dev.petrel.transport;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps one outgoing TCP connection alive: connects, and after a failure or a disconnect reconnects with
 * exponential backoff and jitter. Owned by the I/O thread.
 */
final class TcpConnector
{
    private final PipeHandler handler;
    private final Endpoint endpoint;
    private final InetSocketAddress address;
    private long nextDelayNs;
    private long nextAttemptNs;
    private SocketChannel pending;
    private TcpConnection connection;
    private boolean stopped;

    TcpConnector(final PipeHandler handler, final Endpoint endpoint, final InetSocketAddress address)
    {
        this.handler = handler;
        this.endpoint = endpoint;
        this.address = address;
        this.nextDelayNs = handler.settings().reconnectIntervalNs();
    }

    PipeHandler handler()
    {
        return handler;
    }

    String endpoint()
    {
        return endpoint.uri();
    }

    InetSocketAddress address()
    {
        return address;
    }

    boolean isDue(final long nowNs)
    {
        return !stopped && null == pending && null == connection && nowNs - nextAttemptNs >= 0;
    }

    long millisUntilDue(final long nowNs)
    {
        return (nextAttemptNs - nowNs) / 1_000_000;
    }

    void pending(final SocketChannel channel)
    {
        this.pending = channel;
    }

    SocketChannel pending()
    {
        return pending;
    }

    void connected(final TcpConnection connection)
    {
        this.pending = null;
        this.connection = connection;
    }

    TcpConnection connection()
    {
        return connection;
    }

    void onHandshakeComplete()
    {
        nextDelayNs = handler.settings().reconnectIntervalNs();
    }

    /**
     * The attempt failed or the connection dropped: plan the next attempt.
     *
     * @param nowNs the current time.
     */
    void scheduleRetry(final long nowNs)
    {
        pending = null;
        connection = null;
        final long jitter = (long)(nextDelayNs * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        nextAttemptNs = nowNs + nextDelayNs + jitter;
        nextDelayNs = Math.min(nextDelayNs * 2, handler.settings().reconnectIntervalMaxNs());
    }

    void stop()
    {
        stopped = true;
    }

    boolean isStopped()
    {
        return stopped;
    }
}
