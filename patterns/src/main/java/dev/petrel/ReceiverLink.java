package dev.petrel;

import java.util.ArrayDeque;

import org.agrona.collections.LongHashSet;

/**
 * A durable puller's state for one connection to a durable pusher: the producer and base it announced, which of
 * the messages that arrived on it are settled, the failures still to report, and a message the receive queue had
 * no room for. Owned by the I/O thread.
 * <p>
 * Messages are numbered in arrival order from 1. A message is settled once it is processed, dropped as already
 * processed, or failed; settling may happen out of order (a receive queue's messages are acknowledged as the
 * application gets to them). The acknowledgement covers only the leading run of settled arrivals, so it never
 * covers a message still being processed, and it waits until every failure before it went out as a PNACK.
 */
final class ReceiverLink
{
    private final LongHashSet settledAhead = new LongHashSet();
    private final ArrayDeque<long[]> failures = new ArrayDeque<>();
    private boolean streamKnown;
    private long producerId;
    private long base;
    private long arrivals;
    private long settledThrough;
    private long lastSettledSequence;
    private long acknowledgedThrough;
    private Message held;

    boolean streamKnown()
    {
        return streamKnown;
    }

    void stream(final long producerId, final long base)
    {
        this.streamKnown = true;
        this.producerId = producerId;
        this.base = Math.max(this.base, base);
    }

    long producerId()
    {
        return producerId;
    }

    long base()
    {
        return base;
    }

    long nextArrival()
    {
        return ++arrivals;
    }

    /**
     * Settles a message that was processed or dropped as already processed.
     */
    void settle(final long sequence, final long arrival)
    {
        lastSettledSequence = sequence;
        if (arrival == settledThrough + 1)
        {
            settledThrough = arrival;
            while (!settledAhead.isEmpty() && settledAhead.remove(settledThrough + 1))
            {
                settledThrough++;
            }
        }
        else if (arrival > settledThrough)
        {
            settledAhead.add(arrival);
        }
    }

    /**
     * Settles a message that was not processed; the pusher learns of it by a PNACK before any acknowledgement
     * that covers it, and delivers it again.
     */
    void fail(final long sequence, final long arrival)
    {
        failures.addLast(new long[]{ sequence, arrival });
        settle(sequence, arrival);
    }

    /**
     * @return the oldest failure not reported yet (sequence, arrival), or null.
     */
    long[] failure()
    {
        return failures.peekFirst();
    }

    void failureSent()
    {
        failures.pollFirst();
    }

    boolean ackDue()
    {
        return failures.isEmpty() && settledThrough > acknowledgedThrough;
    }

    /**
     * @return the sequence of the message settled last, for the PACK command.
     */
    long ackSequence()
    {
        return lastSettledSequence;
    }

    /**
     * @return how many leading arrivals are settled.
     */
    long ackCount()
    {
        return settledThrough;
    }

    void ackSent()
    {
        acknowledgedThrough = settledThrough;
    }

    Message held()
    {
        return held;
    }

    void held(final Message message)
    {
        this.held = message;
    }
}
