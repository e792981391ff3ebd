package dev.petrel.transport;

/**
 * One socket's use of one Aeron endpoint other than a bound unicast or IPC channel (an outgoing connection, or
 * either end of a multi-destination channel), as {@link AeronEngine} runs it in the I/O duty cycle. Owned by the
 * I/O thread.
 */
abstract class AeronEndpointAgent
{
    /**
     * @return the socket.
     */
    abstract PipeHandler handler();

    /**
     * @param nowNs the current time.
     * @return work done.
     */
    abstract int doWork(long nowNs);

    /**
     * Polls the images of the connected peers once more, without the handshake and failure checks.
     *
     * @return work done.
     */
    int pollAgain()
    {
        return 0;
    }

    /**
     * @return true while messages wait to be handed to Aeron.
     */
    abstract boolean hasQueued();

    /**
     * The socket starts closing: no new peers; attached pipes keep draining until {@link #close()}.
     */
    abstract void stop();

    /**
     * Closes every pipe, publication and subscription.
     */
    abstract void close();

    /**
     * @return the key that keeps the channel from being bound twice in the node, or null when nothing is bound.
     */
    String boundKey()
    {
        return null;
    }
}
