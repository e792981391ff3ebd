package dev.petrel;

import dev.petrel.transport.Pipe;

/**
 * A durable pusher's view of one connected durable receiver: its name and the sequences sent to it on this
 * connection and not yet acknowledged, oldest first, so that an acknowledgement of the first {@code count} messages
 * settles exactly those. A message the receiver failed is marked so that later acknowledgements pass over it.
 * The sends are kept in a ring whose length is a power of two, so that a slot is found with a mask, not a division.
 * Owned by the I/O thread.
 */
final class SenderLink
{
    static final long FAILED = -1;
    static final int NO_ID = 0;

    private final int id;
    private final Pipe pipe;
    private final String name;
    private long[] sent = new long[InFlightWindow.CAPACITY];
    private int head;
    private int size;
    private long baseSent = Long.MIN_VALUE / 2;
    private long settledCount;
    private byte[] partial;
    private int partialPosition;

    /**
     * @param id   unique among the links of one dispatcher, never {@link #NO_ID}.
     * @param pipe to the receiver.
     * @param name the receiver's durable name.
     */
    SenderLink(final int id, final Pipe pipe, final String name)
    {
        this.id = id;
        this.pipe = pipe;
        this.name = name;
    }

    /**
     * @return the link's id, unique among the links of its dispatcher.
     */
    int id()
    {
        return id;
    }

    Pipe pipe()
    {
        return pipe;
    }

    String name()
    {
        return name;
    }

    /**
     * @return the base last announced to the receiver with PSTREAM.
     */
    long baseSent()
    {
        return baseSent;
    }

    void baseSent(final long base)
    {
        this.baseSent = base;
    }

    /**
     * Starts writing an encoded message too large for one record of the pipe's ring; nothing else may be offered
     * to the pipe until {@link #finishPartial()} returns true.
     */
    void startPartial(final byte[] encoded)
    {
        partial = encoded;
        partialPosition = 0;
        finishPartial();
    }

    /**
     * Writes as much of a message started with {@link #startPartial(byte[])} as the pipe has room for.
     *
     * @return true when no message is partly written (a closed pipe abandons it: the link is detached anyway).
     */
    boolean finishPartial()
    {
        if (null == partial)
        {
            return true;
        }
        final int position = pipe.offerPart(partial, partialPosition);
        if (position >= 0 && position < partial.length)
        {
            partialPosition = position;
            return false;
        }
        partial = null;
        return position >= 0;
    }

    void onSent(final long sequence)
    {
        if (size == sent.length)
        {
            final long[] grown = new long[sent.length * 2];
            for (int i = 0; i < size; i++)
            {
                grown[i] = sent[slot(head + i)];
            }
            sent = grown;
            head = 0;
        }
        sent[slot(head + size)] = sequence;
        size++;
    }

    boolean isEmpty()
    {
        return 0 == size;
    }

    /**
     * @return the oldest unsettled send, {@link #FAILED} for one the receiver failed.
     */
    long poll()
    {
        final long sequence = sent[head];
        head = slot(head + 1);
        size--;
        return sequence;
    }

    /**
     * Counts the sends an acknowledgement of the first {@code count} messages on this connection settles.
     *
     * @param count acknowledged since the connection opened.
     * @return how many to {@link #poll()}, zero for a stale or impossible count.
     */
    int settle(final long count)
    {
        final long newlySettled = count - settledCount;
        if (newlySettled <= 0 || newlySettled > size)
        {
            return 0;
        }
        settledCount = count;
        return (int)newlySettled;
    }

    /**
     * Marks the {@code index}-th message on this connection as failed.
     *
     * @return its sequence, or {@link #FAILED} when the index is settled, unknown or already failed.
     */
    long fail(final long index)
    {
        final long position = index - settledCount - 1;
        if (position < 0 || position >= size)
        {
            return FAILED;
        }
        final int slot = slot(head + (int)position);
        final long sequence = sent[slot];
        sent[slot] = FAILED;
        return sequence;
    }

    private int slot(final int index)
    {
        return index & (sent.length - 1);
    }
}
