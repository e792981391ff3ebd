package dev.petrel.transport;

/**
 * The settings a socket gives the transport for its pipes and connections.
 */
public interface TransportSettings
{
    /**
     * @return the largest message accepted from a peer, in bytes (sum of its frames).
     */
    long maxMessageLength();

    /**
     * @return messages queued per peer before the pipe reports back pressure.
     */
    int sendHighWaterMark();

    /**
     * @return bytes of outbound buffer per peer (a power of two).
     */
    int pipeBufferLength();

    /**
     * @return interval between PINGs, in nanoseconds (0 disables heartbeats).
     */
    long heartbeatIntervalNs();

    /**
     * @return how long a peer may stay silent after a PING before the connection is closed, in nanoseconds.
     */
    long heartbeatTimeoutNs();

    /**
     * @return how long a handshake may take, in nanoseconds.
     */
    long handshakeTimeoutNs();

    /**
     * @return the first reconnect delay, in nanoseconds.
     */
    long reconnectIntervalNs();

    /**
     * @return the largest reconnect delay the exponential backoff reaches, in nanoseconds.
     */
    long reconnectIntervalMaxNs();

    /**
     * @return how long closing a socket waits for queued messages to reach the network, in nanoseconds.
     */
    long lingerNs();
}
