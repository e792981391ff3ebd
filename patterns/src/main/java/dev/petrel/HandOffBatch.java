package dev.petrel;

/**
 * Durable messages a puller's I/O thread accepted for its handler and has not handed over yet. They reach the
 * handler together, after one journal write records them as handed, and are settled together after one more
 * records the processed ones, so a read pass costs two journal writes however many messages it carried (more only
 * when they form more than {@link JournalBatch#MAX_ENTRIES} runs). Holds at most {@link #CAPACITY}, about what one
 * 64 KiB socket read of small messages carries; owned by the I/O thread and reused, all but the arrays of messages
 * and links.
 */
final class HandOffBatch
{
    static final int CAPACITY = 1024;
    private static final Message[] NO_MESSAGES = new Message[0];
    private static final ReceiverLink[] NO_LINKS = new ReceiverLink[0];

    private Message[] messages = NO_MESSAGES;
    private ReceiverLink[] links = NO_LINKS;
    private final long[] producerIds = new long[CAPACITY];
    private final long[] sequences = new long[CAPACITY];
    private final long[] bases = new long[CAPACITY];
    private final long[] arrivals = new long[CAPACITY];
    private final boolean[] processed = new boolean[CAPACITY];
    private MessageHandler handler;
    private int count;

    /**
     * Adds a message; the batch goes to the handler given with its first. The first also gets new arrays for the
     * batch's messages and links: under G1 storing a reference into a long-lived array costs a card-marking barrier
     * with a full fence, which a store into a new array skips.
     */
    void add(final MessageHandler handler, final Message message, final ReceiverLink link, final long sequence,
        final long arrival)
    {
        if (0 == count)
        {
            messages = new Message[CAPACITY];
            links = new ReceiverLink[CAPACITY];
            this.handler = handler;
        }
        messages[count] = message;
        links[count] = link;
        producerIds[count] = link.producerId();
        sequences[count] = sequence;
        bases[count] = link.base();
        arrivals[count] = arrival;
        processed[count] = false;
        count++;
    }

    /**
     * A linear scan, for the rare message that arrives again while the batch holds it.
     */
    boolean contains(final long producerId, final long sequence)
    {
        for (int i = 0; i < count; i++)
        {
            if (sequences[i] == sequence && producerIds[i] == producerId)
            {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty()
    {
        return 0 == count;
    }

    boolean isFull()
    {
        return CAPACITY == count;
    }

    int count()
    {
        return count;
    }

    MessageHandler handler()
    {
        return handler;
    }

    Message message(final int index)
    {
        return messages[index];
    }

    ReceiverLink link(final int index)
    {
        return links[index];
    }

    long producerId(final int index)
    {
        return producerIds[index];
    }

    long sequence(final int index)
    {
        return sequences[index];
    }

    long base(final int index)
    {
        return bases[index];
    }

    long arrival(final int index)
    {
        return arrivals[index];
    }

    boolean processed(final int index)
    {
        return processed[index];
    }

    void processed(final int index, final boolean value)
    {
        processed[index] = value;
    }

    void clear()
    {
        messages = NO_MESSAGES;
        links = NO_LINKS;
        count = 0;
        handler = null;
    }
}
