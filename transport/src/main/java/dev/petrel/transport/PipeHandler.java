package dev.petrel.transport;

import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;

/**
 * The socket side of a set of pipes. Every callback runs on the node's I/O thread and must not block.
 */
public interface PipeHandler
{
    /**
     * @return the ZMTP socket type this socket announces.
     */
    ZmtpSocketType socketType();

    /**
     * @return the identity announced in READY (empty for none).
     */
    byte[] identity();

    /**
     * @return settings for this socket's pipes.
     */
    TransportSettings settings();

    /**
     * A peer completed its handshake.
     *
     * @param pipe the new pipe.
     */
    void onPipeAttached(Pipe pipe);

    /**
     * A peer went away; the pipe is closed.
     *
     * @param pipe the closed pipe.
     */
    void onPipeDetached(Pipe pipe);

    /**
     * A message arrived.
     *
     * @param pipe   from this peer.
     * @param frames the message, valid only during the call.
     * @return true when taken; false to be called again later with the same message (back pressure).
     */
    boolean onMessage(Pipe pipe, InboundFrames frames);

    /**
     * @return true when this socket takes messages from in-process peers as objects ({@link #onObject}), so that
     *         they are handed over by reference instead of being encoded and decoded.
     */
    default boolean acceptsObjects()
    {
        return false;
    }

    /**
     * A message arrived from an in-process peer by reference; only called when {@link #acceptsObjects()}.
     *
     * @param pipe    from this peer.
     * @param message the object the peer's socket handed over.
     * @return true when taken; false to be called again later with the same object (back pressure).
     */
    default boolean onObject(final Pipe pipe, final Object message)
    {
        throw new UnsupportedOperationException("this socket takes no objects");
    }

    /**
     * A command other than READY, PING and PONG arrived (SUBSCRIBE, CANCEL, Petrel commands).
     *
     * @param pipe   from this peer.
     * @param name   the command name.
     * @param buffer holding the data.
     * @param offset where the data starts.
     * @param length data length.
     * @return null when accepted or ignored, otherwise a reason to close the connection.
     */
    String onCommand(Pipe pipe, String name, DirectBuffer buffer, int offset, int length);
}
