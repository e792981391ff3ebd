package dev.petrel;

import java.time.Duration;

import dev.petrel.transport.IdleStrategies;
import dev.petrel.transport.IoAgent;
import dev.petrel.transport.TransportSettings;
import org.agrona.BitUtil;

import static dev.petrel.NodeConfiguration.*;

/**
 * Settings of a {@link Node}. Fields start from {@link NodeConfiguration}'s defaults (system properties), fluent
 * setters override them, and {@link #conclude()} validates once when the node starts.
 */
public final class NodeContext implements TransportSettings, Cloneable
{
    private boolean concluded;
    private String idleStrategy = NodeConfiguration.idleStrategy();
    private long maxMessageLength = size(MAX_MESSAGE_LENGTH_PROP_NAME, MAX_MESSAGE_LENGTH_DEFAULT);
    private int sendHighWaterMark = (int)size(SEND_HWM_PROP_NAME, SEND_HWM_DEFAULT);
    private int receiveHighWaterMark = (int)size(RECEIVE_HWM_PROP_NAME, RECEIVE_HWM_DEFAULT);
    private int pipeBufferLength = (int)size(PIPE_BUFFER_LENGTH_PROP_NAME, PIPE_BUFFER_LENGTH_DEFAULT);
    private long heartbeatIntervalNs = durationNs(HEARTBEAT_INTERVAL_PROP_NAME, HEARTBEAT_INTERVAL_DEFAULT);
    private long heartbeatTimeoutNs = durationNs(HEARTBEAT_TIMEOUT_PROP_NAME, HEARTBEAT_TIMEOUT_DEFAULT);
    private long handshakeTimeoutNs = durationNs(HANDSHAKE_TIMEOUT_PROP_NAME, HANDSHAKE_TIMEOUT_DEFAULT);
    private long reconnectIntervalNs = durationNs(RECONNECT_INTERVAL_PROP_NAME, RECONNECT_INTERVAL_DEFAULT);
    private long reconnectIntervalMaxNs =
        durationNs(RECONNECT_INTERVAL_MAX_PROP_NAME, RECONNECT_INTERVAL_MAX_DEFAULT);
    private long lingerNs = durationNs(LINGER_PROP_NAME, LINGER_DEFAULT);
    private long sendTimeoutNs = durationNs(SEND_TIMEOUT_PROP_NAME, SEND_TIMEOUT_DEFAULT);
    private String aeronDirectory = System.getProperty(IoAgent.AERON_DIR_PROP_NAME);

    /**
     * Validates the settings; called once by {@link Node#create(NodeContext)}.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public NodeContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        IdleStrategies.parse(idleStrategy);
        require(maxMessageLength > 0, "max-message-length must be positive");
        require(sendHighWaterMark > 0, "send-hwm must be positive");
        require(receiveHighWaterMark > 0, "receive-hwm must be positive");
        require(pipeBufferLength >= 4096, "pipe-buffer-length must be at least 4k");
        pipeBufferLength = BitUtil.findNextPositivePowerOfTwo(pipeBufferLength);
        require(heartbeatIntervalNs >= 0 && heartbeatTimeoutNs > 0, "heartbeat settings must not be negative");
        require(reconnectIntervalNs > 0 && reconnectIntervalMaxNs >= reconnectIntervalNs,
            "reconnect-interval-max must be at least reconnect-interval");
        require(lingerNs >= 0 && sendTimeoutNs >= 0, "linger and send-timeout must not be negative");
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    private void checkOpen()
    {
        if (concluded)
        {
            throw new IllegalStateException("node context already concluded");
        }
    }

    /**
     * @return the idle strategy name.
     */
    public String idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * @param name {@code backoff}, {@code busy-spin} or {@code sleeping}.
     * @return this.
     */
    public NodeContext idleStrategy(final String name)
    {
        checkOpen();
        this.idleStrategy = name;
        return this;
    }

    @Override
    public long maxMessageLength()
    {
        return maxMessageLength;
    }

    /**
     * @param bytes largest message accepted from a peer.
     * @return this.
     */
    public NodeContext maxMessageLength(final long bytes)
    {
        checkOpen();
        this.maxMessageLength = bytes;
        return this;
    }

    @Override
    public int sendHighWaterMark()
    {
        return sendHighWaterMark;
    }

    /**
     * @param messages messages queued per peer before back pressure.
     * @return this.
     */
    public NodeContext sendHighWaterMark(final int messages)
    {
        checkOpen();
        this.sendHighWaterMark = messages;
        return this;
    }

    /**
     * @return messages a socket's receive queue holds.
     */
    public int receiveHighWaterMark()
    {
        return receiveHighWaterMark;
    }

    /**
     * @param messages messages a socket's receive queue holds.
     * @return this.
     */
    public NodeContext receiveHighWaterMark(final int messages)
    {
        checkOpen();
        this.receiveHighWaterMark = messages;
        return this;
    }

    @Override
    public int pipeBufferLength()
    {
        return pipeBufferLength;
    }

    /**
     * @param bytes outbound buffer per peer (rounded up to a power of two).
     * @return this.
     */
    public NodeContext pipeBufferLength(final int bytes)
    {
        checkOpen();
        this.pipeBufferLength = bytes;
        return this;
    }

    @Override
    public long heartbeatIntervalNs()
    {
        return heartbeatIntervalNs;
    }

    /**
     * @param interval time between PINGs (zero disables heartbeats).
     * @return this.
     */
    public NodeContext heartbeatInterval(final Duration interval)
    {
        checkOpen();
        this.heartbeatIntervalNs = interval.toNanos();
        return this;
    }

    @Override
    public long heartbeatTimeoutNs()
    {
        return heartbeatTimeoutNs;
    }

    /**
     * @param timeout silence after which a connection is closed.
     * @return this.
     */
    public NodeContext heartbeatTimeout(final Duration timeout)
    {
        checkOpen();
        this.heartbeatTimeoutNs = timeout.toNanos();
        return this;
    }

    @Override
    public long handshakeTimeoutNs()
    {
        return handshakeTimeoutNs;
    }

    /**
     * @param timeout how long a handshake may take.
     * @return this.
     */
    public NodeContext handshakeTimeout(final Duration timeout)
    {
        checkOpen();
        this.handshakeTimeoutNs = timeout.toNanos();
        return this;
    }

    @Override
    public long reconnectIntervalNs()
    {
        return reconnectIntervalNs;
    }

    /**
     * @param interval first reconnect delay.
     * @return this.
     */
    public NodeContext reconnectInterval(final Duration interval)
    {
        checkOpen();
        this.reconnectIntervalNs = interval.toNanos();
        return this;
    }

    @Override
    public long reconnectIntervalMaxNs()
    {
        return reconnectIntervalMaxNs;
    }

    /**
     * @param interval largest reconnect delay.
     * @return this.
     */
    public NodeContext reconnectIntervalMax(final Duration interval)
    {
        checkOpen();
        this.reconnectIntervalMaxNs = interval.toNanos();
        return this;
    }

    @Override
    public long lingerNs()
    {
        return lingerNs;
    }

    /**
     * @param linger how long closing waits for queued messages to be sent.
     * @return this.
     */
    public NodeContext linger(final Duration linger)
    {
        checkOpen();
        this.lingerNs = linger.toNanos();
        return this;
    }

    /**
     * @return how long a blocking send waits at the high-water mark, in nanoseconds.
     */
    public long sendTimeoutNs()
    {
        return sendTimeoutNs;
    }

    /**
     * @param timeout how long a blocking send waits at the high-water mark.
     * @return this.
     */
    public NodeContext sendTimeout(final Duration timeout)
    {
        checkOpen();
        this.sendTimeoutNs = timeout.toNanos();
        return this;
    }

    /**
     * @return the directory of an external Aeron media driver to use, or null for an embedded driver of the node's
     * own.
     */
    public String aeronDirectory()
    {
        return aeronDirectory;
    }

    /**
     * Uses an external Aeron media driver instead of an embedded one; defaults to the system property
     * {@code aeron.dir}. Nodes in different processes need one shared driver to reach each other over
     * {@code aeron:ipc}.
     *
     * @param directory the driver's directory, or null for an embedded driver.
     * @return this.
     * @since 0.1
     */
    public NodeContext aeronDirectory(final String directory)
    {
        checkOpen();
        this.aeronDirectory = null == directory || directory.isBlank() ? null : directory;
        return this;
    }

    @Override
    public NodeContext clone()
    {
        try
        {
            final NodeContext copy = (NodeContext)super.clone();
            copy.concluded = false;
            return copy;
        }
        catch (final CloneNotSupportedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String toString()
    {
        return "NodeContext{idleStrategy=" + idleStrategy + ", maxMessageLength=" + maxMessageLength +
            ", sendHwm=" + sendHighWaterMark + ", receiveHwm=" + receiveHighWaterMark +
            ", pipeBufferLength=" + pipeBufferLength + ", heartbeatIntervalNs=" + heartbeatIntervalNs +
            ", heartbeatTimeoutNs=" + heartbeatTimeoutNs + ", handshakeTimeoutNs=" + handshakeTimeoutNs +
            ", reconnectIntervalNs=" + reconnectIntervalNs + ", reconnectIntervalMaxNs=" + reconnectIntervalMaxNs +
            ", lingerNs=" + lingerNs + ", sendTimeoutNs=" + sendTimeoutNs + ", aeronDirectory=" + aeronDirectory + "}";
    }
}
