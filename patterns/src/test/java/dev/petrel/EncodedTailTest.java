package dev.petrel;

import java.nio.charset.StandardCharsets;

import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The slots in which a durable pusher's sending thread encodes the records it appends: a slot holds the message that
 * carries its record, is reused only once the records before it there are settled, and leaves out what it cannot
 * take.
 */
class EncodedTailTest
{
    @Test
    void shouldHoldEachRecordAsTheMessageThatCarriesIt()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64, 256, 0);
        for (int sequence = 1; sequence <= 3; sequence++)
        {
            append(tail, sequence, payload(sequence));
        }

        for (int sequence = 1; sequence <= 3; sequence++)
        {
            assertTrue(tail.holds(sequence));
            assertArrayEquals(encoded(sequence, payload(sequence)), held(tail, sequence), "record " + sequence);
        }
        assertFalse(tail.holds(4), "not appended yet");
    }

    @Test
    void shouldLeaveOutARecordWhoseSlotIsStillInUseUntilItIsReleased()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 4, 256, 0);
        for (int sequence = 1; sequence <= 6; sequence++)
        {
            append(tail, sequence, payload(sequence));
        }

        assertTrue(tail.holds(4));
        assertFalse(tail.holds(5), "record 1 still uses the slot");
        assertTrue(tail.holds(1));

        tail.release(2);
        append(tail, 6, payload(6));

        assertTrue(tail.holds(6));
        assertFalse(tail.holds(2), "its slot now holds record 6");
        assertArrayEquals(encoded(6, payload(6)), held(tail, 6));
        append(tail, 7, payload(7));
        assertFalse(tail.holds(7), "record 3 is not settled");
    }

    @Test
    void shouldLeaveOutARecordTooLargeForASlot()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64, 64, 0);
        append(tail, 1, "z".repeat(64));
        append(tail, 2, "b");

        assertFalse(tail.holds(1));
        assertTrue(tail.holds(2));
    }

    @Test
    void shouldHoldARecordWhosePayloadFrameNeedsALongHeaderAndLeaveOutOneAByteTooLarge()
    {
        final String large = "L".repeat(300);
        final int slotLength = encoded(1, large).length;
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64, slotLength, 0);
        append(tail, 1, large);
        append(tail, 2, large + "+");

        assertTrue(tail.holds(1));
        assertArrayEquals(encoded(1, large), held(tail, 1));
        assertFalse(tail.holds(2), "one byte more than the slot takes");
    }

    @Test
    void shouldRejectASlotCountThatIsNotAPowerOfTwo()
    {
        assertThrows(IllegalArgumentException.class, () -> new EncodedTail(PushRoute.INSTANCE, 48, 256, 0));
    }

    /**
     * @return the message that carries the record, as a dispatcher encodes it from the log.
     */
    static byte[] encoded(final long sequence, final long timestampNs, final byte[] payload)
    {
        final OutboundFrames frames = new OutboundFrames();
        PushRoute.INSTANCE.encode(frames, new ExpandableArrayBuffer(64), sequence, timestampNs,
            new UnsafeBuffer(payload), payload.length);
        return Pipe.encode(frames);
    }

    /**
     * @return the message the tail holds for a record.
     */
    static byte[] held(final EncodedTail tail, final long sequence)
    {
        final byte[] bytes = new byte[tail.length(sequence)];
        tail.buffer().getBytes(tail.offset(sequence), bytes);
        return bytes;
    }

    private static byte[] encoded(final long sequence, final String payload)
    {
        return encoded(sequence, 100 + sequence, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(final long sequence)
    {
        return "record-" + sequence;
    }

    private static void append(final EncodedTail tail, final long sequence, final String payload)
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 7]);
        buffer.putBytes(7, bytes);
        tail.onRecord(buffer, 7, bytes.length, sequence, 100 + sequence);
    }
}
