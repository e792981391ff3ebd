package dev.petrel;

import java.nio.charset.StandardCharsets;

import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ring of records a durable pusher's sending thread encodes ahead: what it holds loads the window in order as
 * the messages that carry the records, and whatever it left out is reported so the dispatcher reads it from the log.
 */
class EncodedTailTest
{
    private static final int SMALL = 1024;

    @Test
    void shouldLoadTheRecordsItHoldsAsTheMessagesThatCarryThem()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64 * 1024);
        append(tail, 1, "a");
        append(tail, 2, "bb");
        append(tail, 3, "ccc");
        final InFlightWindow window = new InFlightWindow(0);

        assertEquals(3, tail.load(window, 10));

        assertEquals(3, window.loadedThrough());
        for (int sequence = 1; sequence <= 3; sequence++)
        {
            assertTrue(window.isEncoded(sequence));
            assertEquals(100 + sequence, window.timestampNs(sequence));
            assertArrayEquals(encoded(sequence, new String[] { "a", "bb", "ccc" }[sequence - 1]),
                bytes(window.payload(sequence), window.length(sequence)), "message " + sequence);
        }
        assertEquals(0, tail.load(window, 10), "nothing left");
        assertEquals(Long.MAX_VALUE, tail.missingBefore());
    }

    @Test
    void shouldLoadNoMoreThanTheLimitAndKeepTheRest()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64 * 1024);
        for (int sequence = 1; sequence <= 5; sequence++)
        {
            append(tail, sequence, payload(sequence));
        }
        final InFlightWindow window = new InFlightWindow(0);

        assertEquals(2, tail.load(window, 2));
        assertEquals(3, tail.load(window, 10));

        assertEquals(5, window.loadedThrough());
    }

    @Test
    void shouldStopBeforeAMissingRecordAndNameTheOneAfterIt()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64 * 1024);
        append(tail, 1, "a");
        append(tail, 2, "b");
        append(tail, 4, "d");
        append(tail, 5, "e");
        final InFlightWindow window = new InFlightWindow(0);

        assertEquals(2, tail.load(window, 10));
        assertEquals(0, tail.load(window, 10), "record 3 is not in the ring");
        assertEquals(4, tail.missingBefore());
        assertEquals(2, window.loadedThrough());

        final UnsafeBuffer three = new UnsafeBuffer("c".getBytes(StandardCharsets.UTF_8));
        window.load(3, 103, three, 0, 1);
        assertFalse(window.isEncoded(3), "read from the log");
        assertEquals(2, tail.load(window, 10));
        assertEquals(5, window.loadedThrough());
        assertTrue(window.isEncoded(5));
    }

    @Test
    void shouldDropWhatTheWindowAlreadyLoadedFromTheLog()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64 * 1024);
        for (int sequence = 1; sequence <= 5; sequence++)
        {
            append(tail, sequence, payload(sequence));
        }
        final InFlightWindow window = new InFlightWindow(3);

        assertEquals(2, tail.load(window, 10));

        assertEquals(5, window.loadedThrough());
        assertArrayEquals(encoded(4, payload(4)), bytes(window.payload(4), window.length(4)));
    }

    @Test
    void shouldLeaveOutWhatItHasNoRoomFor()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, SMALL);
        final int appended = 100;
        for (int sequence = 1; sequence <= appended; sequence++)
        {
            append(tail, sequence, "x".repeat(64));
        }
        final InFlightWindow window = new InFlightWindow(0);

        final int loaded = tail.load(window, 1000);

        assertTrue(loaded > 0 && loaded < appended, "a full ring leaves records out: " + loaded);
        assertEquals(loaded, window.loadedThrough(), "the first ones, in order");
        assertEquals(0, tail.load(window, 1000));
        assertEquals(Long.MAX_VALUE, tail.missingBefore(), "nothing after the ones left out");
        append(tail, appended + 1, "y");
        assertEquals(0, tail.load(window, 1000), "the records in between come from the log");
        assertEquals(appended + 1, tail.missingBefore());
    }

    @Test
    void shouldLeaveOutARecordLargerThanItsLargestMessage()
    {
        final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, SMALL);
        append(tail, 1, "z".repeat(SMALL / 8));
        append(tail, 2, "b");
        final InFlightWindow window = new InFlightWindow(0);

        assertEquals(0, tail.load(window, 10));
        assertEquals(2, tail.missingBefore());
    }

    private static String payload(final int sequence)
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

    private static byte[] encoded(final long sequence, final String payload)
    {
        final OutboundFrames frames = new OutboundFrames();
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        PushRoute.INSTANCE.encode(frames, new ExpandableArrayBuffer(64), sequence, 100 + sequence,
            new UnsafeBuffer(bytes), bytes.length);
        return Pipe.encode(frames);
    }

    private static byte[] bytes(final DirectBuffer buffer, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(0, copy);
        return copy;
    }
}
