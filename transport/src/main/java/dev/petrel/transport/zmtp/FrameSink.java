package dev.petrel.transport.zmtp;

import org.agrona.DirectBuffer;

/**
 * Receives what a {@link ZmtpFrameDecoder} decodes.
 */
public interface FrameSink
{
    /**
     * A complete message arrived.
     *
     * @param frames the message, valid only during the call.
     * @return true when taken; false when there is no room now (the decoder holds the message and retries later).
     */
    boolean onMessage(InboundFrames frames);

    /**
     * A complete command arrived.
     *
     * @param name   the command name.
     * @param buffer holding the command data.
     * @param offset where the data starts.
     * @param length data length.
     * @return null when accepted, otherwise a reason that closes the connection.
     */
    String onCommand(String name, DirectBuffer buffer, int offset, int length);
}
