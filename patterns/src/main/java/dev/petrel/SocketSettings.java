package dev.petrel;

import dev.petrel.transport.TransportSettings;

/**
 * One socket's settings: the node's, with the socket's own overrides (high-water marks, send timeout).
 */
final class SocketSettings implements TransportSettings
{
    private final NodeContext node;
    private int sendHighWaterMark;
    private boolean ownSendHighWaterMark;
    private int receiveHighWaterMark;
    private long sendTimeoutNs;

    SocketSettings(final NodeContext node)
    {
        this.node = node;
        this.sendHighWaterMark = node.sendHighWaterMark();
        this.receiveHighWaterMark = node.receiveHighWaterMark();
        this.sendTimeoutNs = node.sendTimeoutNs();
    }

    @Override
    public long maxMessageLength()
    {
        return node.maxMessageLength();
    }

    @Override
    public int sendHighWaterMark()
    {
        return sendHighWaterMark;
    }

    void sendHighWaterMark(final int messages)
    {
        if (messages <= 0)
        {
            throw new IllegalArgumentException("high-water mark must be positive: " + messages);
        }
        this.sendHighWaterMark = messages;
        this.ownSendHighWaterMark = true;
    }

    /**
     * @return true when the socket set its own send high-water mark, false while it has the node's.
     */
    boolean hasOwnSendHighWaterMark()
    {
        return ownSendHighWaterMark;
    }

    int receiveHighWaterMark()
    {
        return receiveHighWaterMark;
    }

    void receiveHighWaterMark(final int messages)
    {
        if (messages <= 0)
        {
            throw new IllegalArgumentException("high-water mark must be positive: " + messages);
        }
        this.receiveHighWaterMark = messages;
    }

    long sendTimeoutNs()
    {
        return sendTimeoutNs;
    }

    void sendTimeoutNs(final long timeoutNs)
    {
        if (timeoutNs < 0)
        {
            throw new IllegalArgumentException("send timeout must not be negative");
        }
        this.sendTimeoutNs = timeoutNs;
    }

    @Override
    public int pipeBufferLength()
    {
        return node.pipeBufferLength();
    }

    @Override
    public long heartbeatIntervalNs()
    {
        return node.heartbeatIntervalNs();
    }

    @Override
    public long heartbeatTimeoutNs()
    {
        return node.heartbeatTimeoutNs();
    }

    @Override
    public long handshakeTimeoutNs()
    {
        return node.handshakeTimeoutNs();
    }

    @Override
    public long reconnectIntervalNs()
    {
        return node.reconnectIntervalNs();
    }

    @Override
    public long reconnectIntervalMaxNs()
    {
        return node.reconnectIntervalMaxNs();
    }

    @Override
    public long lingerNs()
    {
        return node.lingerNs();
    }
}
