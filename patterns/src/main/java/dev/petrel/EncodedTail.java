package dev.petrel;

import java.nio.ByteBuffer;

import dev.petrel.durability.RecordHandler;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The newest records of a durable pusher's log, already encoded as the messages that carry them. The sending
 * thread encodes each record as it appends it (under the log's append lock, so in sequence order), and the
 * dispatcher on the I/O thread loads them from here instead of reading them back from the log and encoding them
 * itself: the I/O thread, which also receives, journals and acknowledges, is the durable stream's bottleneck, and
 * the sending thread spends part of its time waiting for room.
 * <p>
 * Nothing here is needed for correctness: a record the ring has no room for (or that is too large for it) is left
 * out, and the dispatcher reads the records it finds missing from the log as before. Only for a route whose
 * message does not depend on the receiver ({@link PushRoute}).
 */
final class EncodedTail implements RecordHandler, ControlledMessageHandler
{
    /** Room for the default backlog of a durable pusher and a full in-flight window of 64 B messages. */
    static final int DEFAULT_CAPACITY = 2 * 1024 * 1024;

    private static final int RECORD = 1;
    private static final int SEQUENCE_OFFSET = 0;
    private static final int TIMESTAMP_OFFSET = SEQUENCE_OFFSET + Long.BYTES;
    private static final int MESSAGE_OFFSET = TIMESTAMP_OFFSET + Long.BYTES;

    private final OneToOneRingBuffer ring;
    private final DeliveryRoute route;
    private final OutboundFrames frames = new OutboundFrames();
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(64);
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);
    private InFlightWindow window;
    private long next;
    private int room;
    private int loaded;
    private long stoppedAt;

    /**
     * @param route    encodes each record; its messages must not depend on the receiver.
     * @param capacity ring bytes, a power of two.
     */
    EncodedTail(final DeliveryRoute route, final int capacity)
    {
        this.route = route;
        this.ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /**
     * Encodes an appended record into the ring, or leaves it out when the ring has no room; on the appending
     * thread, under the log's append lock.
     */
    @Override
    public void onRecord(
        final DirectBuffer buffer, final int offset, final int length, final long sequence, final long timestampNs)
    {
        record.wrap(buffer, offset, length);
        route.encode(frames, scratch, sequence, timestampNs, record, length);
        final long encodedLength = MESSAGE_OFFSET + Pipe.encodedLength(frames);
        if (encodedLength > ring.maxMsgLength())
        {
            return;
        }
        final int index = ring.tryClaim(RECORD, (int)encodedLength);
        if (index <= 0)
        {
            return;
        }
        final MutableDirectBuffer ringBuffer = ring.buffer();
        ringBuffer.putLong(index + SEQUENCE_OFFSET, sequence);
        ringBuffer.putLong(index + TIMESTAMP_OFFSET, timestampNs);
        Pipe.encodeInto(frames, ringBuffer, index + MESSAGE_OFFSET);
        ring.commit(index);
    }

    /**
     * Loads the records from {@code next} on that the ring holds, in order, and drops those below it (the
     * dispatcher read them from the log); on the I/O thread.
     *
     * @param into  the window to load.
     * @param limit most records to load.
     * @return how many were loaded; 0 when the ring holds nothing at {@code into.loadedThrough() + 1}.
     */
    int load(final InFlightWindow into, final int limit)
    {
        window = into;
        next = into.loadedThrough() + 1;
        room = limit;
        loaded = 0;
        stoppedAt = Long.MAX_VALUE;
        ring.controlledRead(this);
        if (room > 0 && Long.MAX_VALUE == stoppedAt)
        {
            // a read ends where the ring's buffer ends: the records that wrapped to its start come with a second
            ring.controlledRead(this);
        }
        window = null;
        return loaded;
    }

    /**
     * @return after a {@link #load}, the sequence of the record it stopped at because the records before it are
     *         missing from the ring, or {@link Long#MAX_VALUE} when it did not stop at such a record.
     */
    long missingBefore()
    {
        return stoppedAt;
    }

    @Override
    public Action onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long sequence = buffer.getLong(index + SEQUENCE_OFFSET);
        if (sequence < next)
        {
            return Action.CONTINUE;
        }
        if (sequence > next)
        {
            stoppedAt = sequence;
            return Action.ABORT;
        }
        if (0 == room)
        {
            return Action.ABORT;
        }
        window.loadEncoded(sequence, buffer.getLong(index + TIMESTAMP_OFFSET), buffer, index + MESSAGE_OFFSET,
            length - MESSAGE_OFFSET);
        next++;
        room--;
        loaded++;
        return Action.CONTINUE;
    }
}
