package dev.petrel.transport.zmtp;

import org.agrona.DirectBuffer;

/**
 * A read-only view of the frames of one received message, valid only during the callback that receives it.
 */
public interface InboundFrames
{
    /**
     * @return how many frames the message has (at least 1).
     */
    int count();

    /**
     * @return the buffer holding every frame body.
     */
    DirectBuffer buffer();

    /**
     * @param frame the frame number, from 0.
     * @return where that frame's body starts in {@link #buffer()}.
     */
    int offset(int frame);

    /**
     * @param frame the frame number, from 0.
     * @return that frame's body length in bytes.
     */
    int length(int frame);

    /**
     * @return the sum of all frame lengths.
     */
    int totalLength();
}
