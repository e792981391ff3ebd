package dev.petrel.transport;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A medium that a sending thread may write into itself, skipping its pipe's queue, when nothing is queued ahead
 * of the message: an Aeron publication, which takes writes from any thread.
 */
interface DirectWriter
{
    /**
     * @return the longest encoded message a direct write takes.
     */
    int maxDirectLength();

    /**
     * Writes the message into the medium now if the pipe has nothing queued and no other thread is draining it;
     * otherwise leaves it to the pipe's queue, so order is kept.
     *
     * @param frames        the message.
     * @param encodedLength its length once encoded, at most {@link #maxDirectLength()}.
     * @return true when written.
     */
    boolean writeIfIdle(OutboundFrames frames, int encodedLength);

    /**
     * {@link #writeIfIdle(OutboundFrames, int)} for the common message of two frames, a head (such as an envelope)
     * and a body, encoded straight from where they lie. A medium that takes direct writes only from the I/O thread
     * refuses it.
     *
     * @param head       the first frame.
     * @param headLength its length, from offset zero.
     * @param body       holding the second frame.
     * @param offset     where it starts.
     * @param length     its length.
     * @return true when written.
     */
    default boolean writeIfIdle(
        final DirectBuffer head, final int headLength, final DirectBuffer body, final int offset, final int length)
    {
        return false;
    }

    /**
     * For the I/O thread: room to write encoded messages straight into the medium, one after another from
     * {@link #directOffset()} of {@link #directBuffer()}, when the pipe has nothing queued ahead of them;
     * {@link #commitDirect(int)} then takes what was written. A medium that takes no such writes has none.
     *
     * @return how many bytes may be written; zero when none.
     */
    default int claimDirect()
    {
        return 0;
    }

    /**
     * @return where the writes {@link #claimDirect()} made room for go.
     */
    default MutableDirectBuffer directBuffer()
    {
        throw new UnsupportedOperationException("no direct writes");
    }

    /**
     * @return the offset in {@link #directBuffer()} of the first byte of that room.
     */
    default int directOffset()
    {
        throw new UnsupportedOperationException("no direct writes");
    }

    /**
     * Takes the bytes written into the room {@link #claimDirect()} gave, at most that many.
     *
     * @param length how many were written from {@link #directOffset()}.
     */
    default void commitDirect(final int length)
    {
        throw new UnsupportedOperationException("no direct writes");
    }

    /**
     * Moves the pipe's queued messages into the medium on the calling thread when no other thread is doing so: a
     * sender held back by its high-water mark calls it before it waits, so the I/O thread, which also runs the
     * medium, need not do that work. A medium whose queue only the I/O thread drains does nothing.
     */
    default void helpDrain()
    {
    }
}
