package dev.petrel;

import dev.petrel.durability.DedupWindow;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The messages of a durable pusher between its base (every sequence up to it acknowledged or dead-lettered) and
 * {@link #CAPACITY} sequences past it, with a copy of each payload for redelivery (unless the {@link EncodedTail}
 * holds the whole message that carries it) and its delivery state. Limiting the span to the receivers' duplicate
 * window keeps every sequence a receiver can get within its window. A scan position, below which nothing waits to
 * be sent, spares each dispatch pass a walk over the whole window.
 * <p>
 * Owned by the I/O thread, except {@link #publishedThrough()}, which any thread may read: the loading position is
 * published once per load pass rather than per record, so a sending thread that reads it for its back pressure does
 * not pull the line back and forth with the I/O thread on every message.
 */
final class InFlightWindow
{
    static final int CAPACITY = DedupWindow.WINDOW_LENGTH;

    static final byte FREE = 0;
    static final byte PENDING = 1;
    static final byte SENT = 2;
    static final byte DONE = 3;
    static final byte DEAD_LETTERING = 4;

    private final long[] sequences = new long[CAPACITY];
    private final byte[] states = new byte[CAPACITY];
    private final int[] deliveries = new int[CAPACITY];
    private final long[] sentNs = new long[CAPACITY];
    private final long[] timestamps = new long[CAPACITY];
    private final int[] owners = new int[CAPACITY];
    private final ExpandableArrayBuffer[] payloads = new ExpandableArrayBuffer[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private final boolean[] inTail = new boolean[CAPACITY];
    private long base;
    private long pendingFrom;
    private long loadedThrough;
    private volatile long publishedThrough;

    InFlightWindow(final long base)
    {
        this.base = base;
        this.pendingFrom = base + 1;
        this.loadedThrough = base;
        this.publishedThrough = base;
        for (int i = 0; i < CAPACITY; i++)
        {
            payloads[i] = new ExpandableArrayBuffer(64);
        }
    }

    long base()
    {
        return base;
    }

    long loadedThrough()
    {
        return loadedThrough;
    }

    /**
     * @return {@link #loadedThrough()} as of the last {@link #publish()}; any thread.
     */
    long publishedThrough()
    {
        return publishedThrough;
    }

    /**
     * Lets other threads see how far the window has loaded; called after each load pass.
     */
    void publish()
    {
        publishedThrough = loadedThrough;
    }

    /**
     * @return how many more sequences can be loaded.
     */
    int room()
    {
        return (int)(CAPACITY - (loadedThrough - base));
    }

    void load(
        final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        start(sequence, false);
        final int slot = slot(sequence);
        timestamps[slot] = timestampNs;
        payloads[slot].putBytes(0, buffer, offset, length);
        lengths[slot] = length;
    }

    /**
     * Loads a record whose encoded message, timestamp included, the {@link EncodedTail} holds: nothing is copied,
     * and the record has no {@link #timestampNs} of its own here.
     */
    void loadFromTail(final long sequence)
    {
        start(sequence, true);
    }

    private void start(final long sequence, final boolean fromTail)
    {
        final int slot = slot(sequence);
        inTail[slot] = fromTail;
        sequences[slot] = sequence;
        states[slot] = PENDING;
        deliveries[slot] = 0;
        owners[slot] = SenderLink.NO_ID;
        loadedThrough = sequence;
    }

    /**
     * Restarts an empty window at a new base, when retention removed records the window was waiting for.
     */
    void rebase(final long newBase)
    {
        base = newBase;
        pendingFrom = newBase + 1;
        loadedThrough = newBase;
        publishedThrough = newBase;
    }

    /**
     * @return the lowest sequence that may be {@link #PENDING}; everything in the window below it is not.
     */
    long pendingFrom()
    {
        return Math.max(pendingFrom, base + 1);
    }

    /**
     * Records that no sequence in the window below the given one is {@link #PENDING}.
     */
    void pendingFrom(final long sequence)
    {
        pendingFrom = sequence;
    }

    boolean holds(final long sequence)
    {
        return sequence > base && sequence <= loadedThrough && sequences[slot(sequence)] == sequence;
    }

    byte state(final long sequence)
    {
        return states[slot(sequence)];
    }

    int deliveries(final long sequence)
    {
        return deliveries[slot(sequence)];
    }

    /**
     * @return the {@link SenderLink#id()} of the link a {@link #SENT} message went to, else {@link SenderLink#NO_ID}.
     */
    int owner(final long sequence)
    {
        return owners[slot(sequence)];
    }

    long sentNs(final long sequence)
    {
        return sentNs[slot(sequence)];
    }

    /**
     * @return when the message was appended to the log, epoch nanoseconds; for a record loaded from the log, not one
     *         {@link #isInTail in the tail}.
     */
    long timestampNs(final long sequence)
    {
        return timestamps[slot(sequence)];
    }

    /**
     * @return true when the {@link EncodedTail} holds the record's message, and neither {@link #payload} nor
     *         {@link #length} is set.
     */
    boolean isInTail(final long sequence)
    {
        return inTail[slot(sequence)];
    }

    DirectBuffer payload(final long sequence)
    {
        return payloads[slot(sequence)];
    }

    int length(final long sequence)
    {
        return lengths[slot(sequence)];
    }

    /**
     * Marks a message sent to a link, which it names by id: a reference stored into this long-lived array would
     * cost every send the garbage collector's card-marking barrier, a full fence under G1.
     */
    void sent(final long sequence, final SenderLink owner, final long nowNs)
    {
        final int slot = slot(sequence);
        states[slot] = SENT;
        owners[slot] = owner.id();
        sentNs[slot] = nowNs;
        deliveries[slot]++;
    }

    void state(final long sequence, final byte state)
    {
        final int slot = slot(sequence);
        states[slot] = state;
        if (SENT != state)
        {
            owners[slot] = SenderLink.NO_ID;
        }
        if (PENDING == state && sequence < pendingFrom)
        {
            pendingFrom = sequence;
        }
    }

    /**
     * Moves the base past every leading settled sequence.
     *
     * @return true when the base moved.
     */
    boolean advanceBase()
    {
        final long start = base;
        while (base < loadedThrough && DONE == states[slot(base + 1)])
        {
            final int slot = slot(base + 1);
            states[slot] = FREE;
            owners[slot] = SenderLink.NO_ID;
            base++;
        }
        return base != start;
    }

    private static int slot(final long sequence)
    {
        return (int)(sequence & (CAPACITY - 1));
    }
}
