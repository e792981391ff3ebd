package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import dev.petrel.durability.RecordHandler;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A durable pusher's window loads every record once and in order, whichever of the encoded tail and the log holds
 * it: runs of records the tail left out are read from the log, between and after runs it holds.
 */
class WindowLoaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoadEveryRecordInOrderFromTheTailOrElseTheLog()
    {
        try (DurableLog log = DurableLog.open(new DurableLog.Context().logDir(dir).fsyncPolicy(FsyncPolicy.NEVER)))
        {
            final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64 * 1024);
            for (int sequence = 1; sequence <= 20; sequence++)
            {
                append(log, sequence, sequence > 10 && sequence <= 15 ? null : tail);
            }
            final WindowLoader loader = new WindowLoader(log, tail, 1);
            final InFlightWindow window = new InFlightWindow(0);

            loader.load(window);

            assertEquals(20, window.loadedThrough());
            for (int sequence = 1; sequence <= 20; sequence++)
            {
                assertEquals(sequence <= 10 || sequence > 15, window.isEncoded(sequence), "from the tail: " + sequence);
                assertRecord(window, sequence);
            }
            loader.close();
        }
    }

    @Test
    void shouldGoOnFromTheLogWhereAFullTailLeftRecordsOutAndBackToTheTail()
    {
        try (DurableLog log = DurableLog.open(new DurableLog.Context().logDir(dir).fsyncPolicy(FsyncPolicy.NEVER)))
        {
            final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64 * 1024);
            final int first = InFlightWindow.CAPACITY + 1000;
            for (int sequence = 1; sequence <= first; sequence++)
            {
                append(log, sequence, tail);
            }
            final WindowLoader loader = new WindowLoader(log, tail, 1);
            final InFlightWindow window = new InFlightWindow(0);
            loader.load(window);
            assertEquals(InFlightWindow.CAPACITY, window.loadedThrough(), "a full window");
            assertTrue(window.isEncoded(1) && !window.isEncoded(InFlightWindow.CAPACITY), "the tail filled up");
            assertRecords(window, 1, InFlightWindow.CAPACITY);

            settle(window, InFlightWindow.CAPACITY);
            for (int sequence = first + 1; sequence <= first + 100; sequence++)
            {
                append(log, sequence, tail);
            }
            loader.load(window);

            assertEquals(first + 100, window.loadedThrough());
            assertFalse(window.isEncoded(first), "left out of the full tail");
            assertTrue(window.isEncoded(first + 1), "back in the tail once it had room");
            assertRecords(window, InFlightWindow.CAPACITY + 1, first + 100);
            loader.close();
        }
    }

    private static void settle(final InFlightWindow window, final long through)
    {
        for (long sequence = window.base() + 1; sequence <= through; sequence++)
        {
            window.state(sequence, InFlightWindow.DONE);
        }
        assertTrue(window.advanceBase());
    }

    private static void assertRecords(final InFlightWindow window, final long from, final long to)
    {
        for (long sequence = from; sequence <= to; sequence++)
        {
            assertRecord(window, sequence);
        }
    }

    private static void assertRecord(final InFlightWindow window, final long sequence)
    {
        final byte[] payload = payload(sequence);
        final byte[] expected;
        if (window.isEncoded(sequence))
        {
            final OutboundFrames frames = new OutboundFrames();
            PushRoute.INSTANCE.encode(frames, new ExpandableArrayBuffer(64), sequence,
                window.timestampNs(sequence), new UnsafeBuffer(payload), payload.length);
            expected = Pipe.encode(frames);
        }
        else
        {
            expected = payload;
        }
        final byte[] actual = new byte[window.length(sequence)];
        window.payload(sequence).getBytes(0, actual);
        assertArrayEquals(expected, actual, "record " + sequence);
    }

    private static void append(final DurableLog log, final long sequence, final RecordHandler tail)
    {
        final byte[] payload = payload(sequence);
        assertEquals(sequence, log.append(new UnsafeBuffer(payload), 0, payload.length, tail));
    }

    private static byte[] payload(final long sequence)
    {
        return ("record-" + sequence + "-" + "x".repeat((int)(sequence % 50))).getBytes(StandardCharsets.UTF_8);
    }
}
