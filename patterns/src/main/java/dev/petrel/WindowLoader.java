package dev.petrel;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.LogReader;
import dev.petrel.durability.RecordHandler;
import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.DirectBuffer;

/**
 * Fills a durable pusher's {@link InFlightWindow} with the records that follow it: from the {@link EncodedTail}
 * where it holds them, already encoded (nothing is read or copied), and from the log where it does not. The log
 * reader only moves forward, so it is opened again at the next record when the tail has taken the window past it.
 * On the I/O thread.
 */
final class WindowLoader implements RecordHandler
{
    private final DurableLog log;
    private final EncodedTail tail;
    private LogReader reader;
    private InFlightWindow window;

    /**
     * @param log  the pusher's log.
     * @param tail the encoded tail, or null to read every record from the log.
     * @param from the first sequence to load.
     */
    WindowLoader(final DurableLog log, final EncodedTail tail, final long from)
    {
        this.log = log;
        this.tail = tail;
        this.reader = log.reader(from);
    }

    /**
     * Loads records until the window is full or every appended record is in it, and lets the sending threads
     * reuse the tail's slots of the records the window settled.
     *
     * @param into the window.
     * @throws DurabilityException when retention removed the next record from the log.
     */
    void load(final InFlightWindow into)
    {
        if (null != tail)
        {
            tail.release(into.base());
        }
        window = into;
        try
        {
            int room;
            while ((room = into.room()) > 0)
            {
                final long next = into.loadedThrough() + 1;
                if (null != tail && tail.holds(next))
                {
                    into.loadFromTail(next);
                    continue;
                }
                final long last = log.lastSequence();
                if (next > last)
                {
                    break;
                }
                if (reader.nextSequence() != next)
                {
                    restartAt(next);
                }
                if (0 == reader.poll(this, missingRun(next, (int)Math.min(room, last - next + 1))))
                {
                    break;
                }
            }
        }
        finally
        {
            window = null;
        }
    }

    /**
     * @return how many records from {@code next} on, at least one and at most {@code limit}, the tail does not hold.
     */
    private int missingRun(final long next, final int limit)
    {
        if (null == tail)
        {
            return limit;
        }
        int run = 1;
        while (run < limit && !tail.holds(next + run))
        {
            run++;
        }
        return run;
    }

    /**
     * Reads the log from a sequence on, as after retention removed the records before it.
     */
    void restartAt(final long sequence)
    {
        reader.close();
        reader = log.reader(sequence);
    }

    @Override
    public void onRecord(
        final DirectBuffer buffer, final int offset, final int length, final long sequence, final long timestampNs)
    {
        window.load(sequence, timestampNs, buffer, offset, length);
    }

    void close()
    {
        reader.close();
    }
}
