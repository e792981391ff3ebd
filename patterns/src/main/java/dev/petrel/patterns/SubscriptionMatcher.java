package dev.petrel.patterns;

/**
 * Matches subjects against one peer's Petrel subscriptions by token rules, for one thread: it rebuilds its
 * {@link SubjectIndex} when it is handed a new subscription array, then matches without allocating, and answers a
 * subject asked again in a row from its last match, as a publisher in a loop over one subject asks. A publisher
 * peer has one for the publishing thread and one for the I/O thread, which delivers durable streams.
 */
public final class SubscriptionMatcher
{
    private SubscriptionCommand.Subscribe[] indexed;
    private SubjectIndex index;
    private String lastSubject;
    private int matchCount;

    /**
     * Finds the subscriptions that match a subject.
     *
     * @param subscriptions the peer's current subscriptions (an array that is never changed once published).
     * @param subject       the subject.
     * @return how many matched; {@link #matched(int)} gives them in subscription order.
     */
    public int match(final SubscriptionCommand.Subscribe[] subscriptions, final String subject)
    {
        if (subscriptions != indexed)
        {
            final SubjectIndex next = new SubjectIndex();
            for (int i = 0; i < subscriptions.length; i++)
            {
                next.add(i, subscriptions[i].pattern());
            }
            index = next;
            indexed = subscriptions;
            lastSubject = null;
        }
        if (!subject.equals(lastSubject))
        {
            matchCount = index.match(subject);
            lastSubject = subject;
        }
        return matchCount;
    }

    /**
     * @return how many subscriptions the last {@link #match} found.
     */
    public int matchCount()
    {
        return matchCount;
    }

    /**
     * @param i index below the last {@link #match} result.
     * @return the i-th matching subscription.
     */
    public SubscriptionCommand.Subscribe matched(final int i)
    {
        return indexed[index.matchAt(i)];
    }
}
