package dev.petrel.transport;

/**
 * Connection-level events from the I/O thread. Every method defaults to doing nothing.
 */
public interface TransportListener
{
    /**
     * A connection was closed for a reason other than an orderly shutdown.
     *
     * @param remoteAddress the peer.
     * @param reason        one line saying why.
     */
    default void onConnectionClosed(final String remoteAddress, final String reason)
    {
    }

    /**
     * An unexpected failure on the I/O thread; the node keeps running.
     *
     * @param error the failure.
     */
    default void onError(final Throwable error)
    {
    }
}
