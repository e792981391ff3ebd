package dev.petrel.transport;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The frames of one message to send, held by reference: nothing is copied until a pipe encodes them.
 * Optionally the message also comes as an immutable object that an in-process pipe hands to its peer instead of
 * encoding the frames (see {@link #handOff(Object)}).
 * Reusable through {@link #reset()}; not thread-safe (each socket keeps its own under its send lock).
 */
public final class OutboundFrames
{
    private DirectBuffer[] buffers = new DirectBuffer[4];
    private UnsafeBuffer[] wrappers = new UnsafeBuffer[4];
    private int[] offsets = new int[4];
    private int[] lengths = new int[4];
    private int count;
    private boolean command;
    private boolean encoded;
    private Object handOff;

    /**
     * Empties the list for the next message.
     *
     * @return this.
     */
    public OutboundFrames reset()
    {
        count = 0;
        command = false;
        encoded = false;
        handOff = null;
        return this;
    }

    /**
     * Makes the list one message that is already encoded, ZMTP frame headers included, which pipes copy as it is:
     * for a message encoded once, ahead of time, and sent later.
     *
     * @param buffer holding the encoded message; must stay unchanged until the send call returns.
     * @param offset where it starts.
     * @param length its encoded length.
     * @return this.
     */
    public OutboundFrames encoded(final DirectBuffer buffer, final int offset, final int length)
    {
        reset();
        encoded = true;
        return add(buffer, offset, length);
    }

    /**
     * @return true when the list is one message {@link #encoded(DirectBuffer, int, int) already encoded}.
     */
    public boolean isEncoded()
    {
        return encoded;
    }

    /**
     * Adds a frame that refers to part of a buffer.
     *
     * @param buffer holding the frame body; must stay unchanged until the send call returns.
     * @param offset where the body starts.
     * @param length body length.
     * @return this.
     */
    public OutboundFrames add(final DirectBuffer buffer, final int offset, final int length)
    {
        ensureRoom();
        buffers[count] = buffer;
        offsets[count] = offset;
        lengths[count] = length;
        count++;
        return this;
    }

    /**
     * Adds a frame that refers to a whole array.
     *
     * @param bytes the frame body; must stay unchanged until the send call returns.
     * @return this.
     */
    public OutboundFrames add(final byte[] bytes)
    {
        ensureRoom();
        UnsafeBuffer wrapper = wrappers[count];
        if (null == wrapper)
        {
            wrapper = new UnsafeBuffer(bytes);
            wrappers[count] = wrapper;
        }
        else
        {
            wrapper.wrap(bytes);
        }
        return add(wrapper, 0, bytes.length);
    }

    /**
     * Marks this single frame as a ZMTP command (its body starts with the name length and name).
     *
     * @return this.
     */
    public OutboundFrames asCommand()
    {
        command = true;
        return this;
    }

    /**
     * Offers the message as an object as well: a pipe to a socket of the same process that takes objects passes
     * this reference on and never touches the frames. The object must be immutable, and must stay unchanged after
     * the send, since the receiver reads it later on another thread.
     *
     * @param message what the receiving socket gets, or null for none.
     * @return this.
     */
    public OutboundFrames handOff(final Object message)
    {
        this.handOff = message;
        return this;
    }

    /**
     * @return the object to hand over in place of the frames, or null.
     */
    public Object handOff()
    {
        return handOff;
    }

    /**
     * @return true when the frame is a command.
     */
    public boolean isCommand()
    {
        return command;
    }

    /**
     * @return how many frames there are.
     */
    public int count()
    {
        return count;
    }

    /**
     * @param frame frame number.
     * @return the buffer holding it.
     */
    public DirectBuffer buffer(final int frame)
    {
        return buffers[frame];
    }

    /**
     * @param frame frame number.
     * @return where its body starts.
     */
    public int offset(final int frame)
    {
        return offsets[frame];
    }

    /**
     * @param frame frame number.
     * @return its body length.
     */
    public int length(final int frame)
    {
        return lengths[frame];
    }

    /**
     * @return the sum of the frame bodies.
     */
    public long bodyLength()
    {
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            total += lengths[i];
        }
        return total;
    }

    private void ensureRoom()
    {
        if (count == buffers.length)
        {
            final int size = count * 2;
            buffers = Arrays.copyOf(buffers, size);
            wrappers = Arrays.copyOf(wrappers, size);
            offsets = Arrays.copyOf(offsets, size);
            lengths = Arrays.copyOf(lengths, size);
        }
    }
}
