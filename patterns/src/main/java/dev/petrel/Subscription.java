package dev.petrel;

import dev.petrel.patterns.SubjectPattern;

/**
 * One subscription of a {@link Subscriber}: a subject pattern, an optional queue group, and where its messages go
 * (a callback, or the subscriber's receive queue). Close it to unsubscribe.
 */
public final class Subscription implements AutoCloseable
{
    private final Subscriber owner;
    private final int sid;
    private final SubjectPattern pattern;
    private final String queueGroup;
    private final MessageHandler handler;
    private final BufferHandler bufferHandler;

    Subscription(
        final Subscriber owner, final int sid, final SubjectPattern pattern, final String queueGroup,
        final MessageHandler handler, final BufferHandler bufferHandler)
    {
        this.owner = owner;
        this.sid = sid;
        this.pattern = pattern;
        this.queueGroup = queueGroup;
        this.handler = handler;
        this.bufferHandler = bufferHandler;
    }

    BufferHandler bufferHandler()
    {
        return bufferHandler;
    }

    int sid()
    {
        return sid;
    }

    SubjectPattern compiledPattern()
    {
        return pattern;
    }

    MessageHandler handler()
    {
        return handler;
    }

    /**
     * @return the subject pattern.
     */
    public String pattern()
    {
        return pattern.text();
    }

    /**
     * @return the queue group, or null.
     */
    public String queueGroup()
    {
        return queueGroup;
    }

    /**
     * Unsubscribes.
     */
    @Override
    public void close()
    {
        owner.unsubscribe(this);
    }

    @Override
    public String toString()
    {
        return "Subscription{" + pattern + (null == queueGroup ? "" : " group=" + queueGroup) + "}";
    }
}
