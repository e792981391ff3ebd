package dev.petrel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

import dev.petrel.durability.RecordHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The newest records of a durable pusher's log, already encoded as the messages that carry them, in slots indexed by
 * sequence. The sending thread encodes each record as it appends it (under the log's append lock), and the
 * dispatcher on the I/O thread sends them from their slots, neither reading them back from the log nor encoding nor
 * copying them: the I/O thread, which also receives, journals and acknowledges, is the durable stream's bottleneck,
 * while the sending thread spends part of its time waiting for room.
 * <p>
 * A slot is written only once every record that used it before is settled ({@link #release}), so the dispatcher may
 * keep sending from a slot, redeliveries included, until its record is settled. There are more slots than the
 * in-flight window and a durable pusher's default backlog together. Nothing here is needed for correctness: a record
 * whose slot is still in use, or that is too large for one, is left out, and the dispatcher reads it from the log
 * as before. Only for a durable pusher's route ({@link PushRoute}), whose message does not depend on the receiver
 * and whose verdict does not read the record; the sending thread encodes straight into the slot
 * ({@link PushRoute#encodeInto}).
 */
final class EncodedTail implements RecordHandler
{
    /** More than the in-flight window and the default backlog of a durable pusher together. */
    static final int DEFAULT_SLOTS = 4 * InFlightWindow.CAPACITY;
    /**
     * Room for the message of a record of up to about 100 bytes: 2 MiB of slots in all. Dense slots matter more
     * than room for larger records: the I/O thread reads each one from the sending thread's cache.
     */
    static final int DEFAULT_SLOT_LENGTH = 128;

    private static final VarHandle SEQUENCES = MethodHandles.arrayElementVarHandle(long[].class);

    private final PushRoute route;
    private final int mask;
    private final int slotLength;
    private final UnsafeBuffer slots;
    private final long[] sequences;
    private final int[] lengths;
    private volatile long settledThrough;
    /** The appending thread's last read of {@link #settledThrough}, read again only when a slot looks in use. */
    private long settledSeen;

    /**
     * @param route      encodes each record.
     * @param slotCount  how many slots, a power of two.
     * @param slotLength the longest encoded message a slot takes.
     * @param base       the sequence every record up to which is settled.
     */
    EncodedTail(final PushRoute route, final int slotCount, final int slotLength, final long base)
    {
        if (Integer.bitCount(slotCount) != 1)
        {
            throw new IllegalArgumentException("the slot count must be a power of two: " + slotCount);
        }
        this.route = route;
        this.mask = slotCount - 1;
        this.slotLength = slotLength;
        this.slots = new UnsafeBuffer(ByteBuffer.allocateDirect(slotCount * slotLength));
        this.sequences = new long[slotCount];
        this.lengths = new int[slotCount];
        this.settledThrough = base;
        this.settledSeen = base;
    }

    /**
     * Encodes an appended record into its slot, or leaves it out when the slot is still in use or too small; on the
     * appending thread, under the log's append lock.
     */
    @Override
    public void onRecord(
        final DirectBuffer buffer, final int offset, final int length, final long sequence, final long timestampNs)
    {
        if (sequence - sequences.length > settledSeen)
        {
            settledSeen = settledThrough;
            if (sequence - sequences.length > settledSeen)
            {
                return;
            }
        }
        final int slot = (int)sequence & mask;
        final int encodedLength =
            route.encodeInto(slots, slot * slotLength, slotLength, sequence, timestampNs, buffer, offset, length);
        if (encodedLength < 0)
        {
            return;
        }
        lengths[slot] = encodedLength;
        SEQUENCES.setRelease(sequences, slot, sequence);
    }

    /**
     * Lets the sending threads reuse the slots of every record up to a sequence; on the I/O thread.
     *
     * @param sequence every record up to it is settled.
     */
    void release(final long sequence)
    {
        if (sequence > settledThrough)
        {
            settledThrough = sequence;
        }
    }

    /**
     * @return true when the record's encoded message is in its slot; on the I/O thread, which may then send it
     *         from there until the record is settled.
     */
    boolean holds(final long sequence)
    {
        return (long)SEQUENCES.getAcquire(sequences, (int)sequence & mask) == sequence;
    }

    /**
     * @return the buffer of every slot.
     */
    DirectBuffer buffer()
    {
        return slots;
    }

    /**
     * @return where a held record's message starts in {@link #buffer()}.
     */
    int offset(final long sequence)
    {
        return ((int)sequence & mask) * slotLength;
    }

    /**
     * @return the encoded length of a held record's message.
     */
    int length(final long sequence)
    {
        return lengths[(int)sequence & mask];
    }
}
