package dev.petrel;

import dev.petrel.transport.Pipe;

/**
 * A durable puller's state for one connection to a durable pusher: the producer and base it announced, the
 * acknowledgement to send next (the latest message in arrival order that was processed or dropped as a duplicate),
 * a failed message to report first, and a message the receive queue had no room for. Owned by the I/O thread.
 */
final class ReceiverLink
{
    private final Pipe pipe;
    private boolean streamKnown;
    private long producerId;
    private long base;
    private long arrivals;
    private long ackSequence;
    private long ackArrival;
    private boolean ackDue;
    private Message held;
    private long nackSequence = -1;
    private long nackArrival;

    ReceiverLink(final Pipe pipe)
    {
        this.pipe = pipe;
    }

    Pipe pipe()
    {
        return pipe;
    }

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
     * Records a message whose handler failed; acknowledgements wait until its PNACK is sent, so that the pusher
     * learns of the failure before a later acknowledgement could cover it.
     */
    void failed(final long sequence, final long arrival)
    {
        nackSequence = sequence;
        nackArrival = arrival;
    }

    boolean nackDue()
    {
        return nackArrival > 0;
    }

    long nackSequence()
    {
        return nackSequence;
    }

    long nackArrival()
    {
        return nackArrival;
    }

    void nackSent()
    {
        nackArrival = 0;
    }

    void ack(final long sequence, final long arrival)
    {
        if (arrival > ackArrival)
        {
            ackArrival = arrival;
            ackSequence = sequence;
            ackDue = true;
        }
    }

    boolean ackDue()
    {
        return ackDue && !nackDue();
    }

    long ackSequence()
    {
        return ackSequence;
    }

    long ackArrival()
    {
        return ackArrival;
    }

    void ackSent()
    {
        ackDue = false;
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
