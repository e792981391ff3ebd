package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import dev.petrel.durability.LogReader;
import dev.petrel.durability.RecordHandler;
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
            final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, 64, 256, 0);
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
                assertEquals(sequence <= 10 || sequence > 15, window.isInTail(sequence), "from the tail: " + sequence);
            }
            assertRecords(log, window, tail, 1, 20);
            loader.close();
        }
    }

    @Test
    void shouldReadFromTheLogWhatTheTailLeftOutAndTakeTheRestFromTheTail()
    {
        try (DurableLog log = DurableLog.open(new DurableLog.Context().logDir(dir).fsyncPolicy(FsyncPolicy.NEVER)))
        {
            final int slots = 1024;
            final EncodedTail tail = new EncodedTail(PushRoute.INSTANCE, slots, 256, 0);
            final int capacity = InFlightWindow.CAPACITY;
            appendAll(log, tail, 1, capacity + 1000);
            final WindowLoader loader = new WindowLoader(log, tail, 1);
            final InFlightWindow window = new InFlightWindow(0);

            loader.load(window);

            assertEquals(capacity, window.loadedThrough(), "a full window");
            assertTrue(window.isInTail(slots) && !window.isInTail(slots + 1), "the tail's slots were all in use");
            assertRecords(log, window, tail, 1, capacity);

            settle(window);
            loader.load(window);
            assertEquals(capacity + 1000, window.loadedThrough(), "the rest, from the log");
            appendAll(log, tail, capacity + 1001, capacity + 1100);
            loader.load(window);

            assertEquals(capacity + 1100, window.loadedThrough());
            assertTrue(window.isInTail(capacity + 1001), "in a slot the window released");
            assertFalse(window.isInTail(capacity + slots + 1), "its slot still in use");
            assertRecords(log, window, tail, capacity + 1, capacity + 1100);
            loader.close();
        }
    }

    private static void settle(final InFlightWindow window)
    {
        for (long sequence = window.base() + 1; sequence <= window.loadedThrough(); sequence++)
        {
            window.state(sequence, InFlightWindow.DONE);
        }
        assertTrue(window.advanceBase());
    }

    private static void assertRecords(final DurableLog log, final InFlightWindow window, final EncodedTail tail,
        final long from, final long to)
    {
        for (long sequence = from; sequence <= to; sequence++)
        {
            final byte[] payload = payload(sequence);
            if (window.isInTail(sequence))
            {
                assertArrayEquals(EncodedTailTest.encoded(sequence, loggedTimestampNs(log, sequence), payload),
                    EncodedTailTest.held(tail, sequence), "record " + sequence);
            }
            else
            {
                final byte[] actual = new byte[window.length(sequence)];
                window.payload(sequence).getBytes(0, actual);
                assertArrayEquals(payload, actual, "record " + sequence);
            }
        }
    }

    private static long loggedTimestampNs(final DurableLog log, final long sequence)
    {
        final long[] timestampNs = new long[1];
        try (LogReader reader = log.reader(sequence))
        {
            assertEquals(1, reader.poll((buffer, offset, length, at, appendedNs) -> timestampNs[0] = appendedNs, 1));
        }
        return timestampNs[0];
    }

    private static void appendAll(final DurableLog log, final RecordHandler tail, final long from, final long to)
    {
        for (long sequence = from; sequence <= to; sequence++)
        {
            append(log, sequence, tail);
        }
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
