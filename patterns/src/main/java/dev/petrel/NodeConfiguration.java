package dev.petrel;

import org.agrona.SystemUtil;

/**
 * Defaults for {@link NodeContext}, each readable from a system property. Sizes take suffixes ({@code 64k},
 * {@code 16m}); durations take units ({@code 100ms}, {@code 5s}).
 */
public final class NodeConfiguration
{
    /** I/O idle strategy: {@code backoff}, {@code busy-spin} or {@code sleeping}. */
    public static final String IDLE_STRATEGY_PROP_NAME = "petrel.node.idle-strategy";
    /** Default idle strategy. */
    public static final String IDLE_STRATEGY_DEFAULT = "backoff";
    /** Largest message accepted from a peer. */
    public static final String MAX_MESSAGE_LENGTH_PROP_NAME = "petrel.node.max-message-length";
    /** Default largest message: 16 MiB. */
    public static final long MAX_MESSAGE_LENGTH_DEFAULT = 16L * 1024 * 1024;
    /** Messages queued per peer before back pressure. */
    public static final String SEND_HWM_PROP_NAME = "petrel.node.send-hwm";
    /** Default send high-water mark, as ZeroMQ's. */
    public static final int SEND_HWM_DEFAULT = 1000;
    /** Messages a socket's receive queue holds. */
    public static final String RECEIVE_HWM_PROP_NAME = "petrel.node.receive-hwm";
    /** Default receive high-water mark, as ZeroMQ's. */
    public static final int RECEIVE_HWM_DEFAULT = 1000;
    /** Outbound buffer per peer. */
    public static final String PIPE_BUFFER_LENGTH_PROP_NAME = "petrel.node.pipe-buffer-length";
    /** Default outbound buffer per peer: 1 MiB. */
    public static final int PIPE_BUFFER_LENGTH_DEFAULT = 1024 * 1024;
    /** Heartbeat interval (0 disables). */
    public static final String HEARTBEAT_INTERVAL_PROP_NAME = "petrel.node.heartbeat-interval";
    /** Default heartbeat interval. */
    public static final String HEARTBEAT_INTERVAL_DEFAULT = "5s";
    /** Silence after a PING that closes a connection. */
    public static final String HEARTBEAT_TIMEOUT_PROP_NAME = "petrel.node.heartbeat-timeout";
    /** Default heartbeat timeout. */
    public static final String HEARTBEAT_TIMEOUT_DEFAULT = "15s";
    /** How long a handshake may take. */
    public static final String HANDSHAKE_TIMEOUT_PROP_NAME = "petrel.node.handshake-timeout";
    /** Default handshake timeout. */
    public static final String HANDSHAKE_TIMEOUT_DEFAULT = "10s";
    /** First reconnect delay. */
    public static final String RECONNECT_INTERVAL_PROP_NAME = "petrel.node.reconnect-interval";
    /** Default first reconnect delay, as ZeroMQ's. */
    public static final String RECONNECT_INTERVAL_DEFAULT = "100ms";
    /** Largest reconnect delay. */
    public static final String RECONNECT_INTERVAL_MAX_PROP_NAME = "petrel.node.reconnect-interval-max";
    /** Default largest reconnect delay. */
    public static final String RECONNECT_INTERVAL_MAX_DEFAULT = "5s";
    /** How long closing waits for queued messages to be sent. */
    public static final String LINGER_PROP_NAME = "petrel.node.linger";
    /** Default linger. */
    public static final String LINGER_DEFAULT = "2s";
    /** How long a blocking send waits at the high-water mark. */
    public static final String SEND_TIMEOUT_PROP_NAME = "petrel.node.send-timeout";
    /** Default send timeout. */
    public static final String SEND_TIMEOUT_DEFAULT = "10s";

    private NodeConfiguration()
    {
    }

    static String idleStrategy()
    {
        return System.getProperty(IDLE_STRATEGY_PROP_NAME, IDLE_STRATEGY_DEFAULT);
    }

    static long size(final String name, final long defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : SystemUtil.parseSize(name, value);
    }

    static long durationNs(final String name, final String defaultValue)
    {
        return SystemUtil.parseDuration(name, System.getProperty(name, defaultValue));
    }
}
