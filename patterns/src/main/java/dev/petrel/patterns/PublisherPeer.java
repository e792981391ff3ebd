package dev.petrel.patterns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a publisher knows of one subscriber: its Petrel subscriptions (with IDs and queue groups) or, for a plain
 * ZeroMQ peer, its byte prefixes (counted, as ZeroMQ counts them). Written on the I/O thread, read by publishing
 * threads: every change publishes a new array. The target fields and {@link #match(String)} are the publishing
 * thread's; {@link #durableMatcher()} is the I/O thread's, for a peer that announced itself as a durable
 * subscriber, which publishing threads then leave to the durable stream.
 */
public final class PublisherPeer
{
    private volatile SubscriptionCommand.Subscribe[] subscriptions = new SubscriptionCommand.Subscribe[0];
    private volatile byte[][] prefixes = new byte[0][];
    private final SubscriptionMatcher matcher = new SubscriptionMatcher();
    private final SubscriptionMatcher durableMatcher = new SubscriptionMatcher();
    private volatile boolean durable;
    private int[] targets = new int[8];
    private int targetCount;
    private boolean plainMatch;

    /**
     * @return true when the peer subscribed to anything.
     */
    public boolean hasSubscriptions()
    {
        return subscriptions.length > 0 || prefixes.length > 0;
    }

    /**
     * @param subscribe a Petrel subscription to add.
     */
    public void add(final SubscriptionCommand.Subscribe subscribe)
    {
        final SubscriptionCommand.Subscribe[] current = subscriptions;
        final SubscriptionCommand.Subscribe[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = subscribe;
        subscriptions = next;
    }

    /**
     * @param sid the Petrel subscription to remove.
     */
    public void remove(final int sid)
    {
        final List<SubscriptionCommand.Subscribe> next = new ArrayList<>();
        for (final SubscriptionCommand.Subscribe s : subscriptions)
        {
            if (s.sid() != sid)
            {
                next.add(s);
            }
        }
        subscriptions = next.toArray(new SubscriptionCommand.Subscribe[0]);
    }

    /**
     * @param prefix a ZeroMQ prefix subscription to add (duplicates count).
     */
    public void addPrefix(final byte[] prefix)
    {
        final byte[][] current = prefixes;
        final byte[][] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = prefix;
        prefixes = next;
    }

    /**
     * @param prefix one ZeroMQ prefix subscription to cancel.
     */
    public void removePrefix(final byte[] prefix)
    {
        final byte[][] current = prefixes;
        for (int i = 0; i < current.length; i++)
        {
            if (Arrays.equals(current[i], prefix))
            {
                final byte[][] next = new byte[current.length - 1][];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                prefixes = next;
                return;
            }
        }
    }

    /**
     * @return the current Petrel subscriptions.
     */
    public SubscriptionCommand.Subscribe[] subscriptions()
    {
        return subscriptions;
    }

    /**
     * Finds the Petrel subscriptions that match a subject by token rules, for the publishing thread.
     *
     * @param subject the subject.
     * @return how many matched; {@link #matched(int)} gives them in subscription order.
     */
    public int match(final String subject)
    {
        return matcher.match(subscriptions, subject);
    }

    /**
     * @return how many subscriptions the last {@link #match(String)} found.
     */
    public int matchCount()
    {
        return matcher.matchCount();
    }

    /**
     * @param i index below the last {@link #match(String)} result.
     * @return the i-th matching subscription.
     */
    public SubscriptionCommand.Subscribe matched(final int i)
    {
        return matcher.matched(i);
    }

    /**
     * Marks the peer as a durable subscriber (I/O thread): from now on it gets messages only from the durable
     * stream, never from the publishing threads.
     */
    public void markDurable()
    {
        durable = true;
    }

    /**
     * @return true when the peer announced itself as a durable subscriber.
     */
    public boolean isDurable()
    {
        return durable;
    }

    /**
     * @return the I/O thread's matcher, for use with {@link #subscriptions()}.
     */
    public SubscriptionMatcher durableMatcher()
    {
        return durableMatcher;
    }

    /**
     * @param subject subject bytes.
     * @return true when a prefix subscription matches.
     */
    public boolean matchesPrefix(final byte[] subject)
    {
        for (final byte[] prefix : prefixes)
        {
            if (prefix.length <= subject.length && Arrays.equals(prefix, 0, prefix.length, subject, 0, prefix.length))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Clears the publishing thread's scratch targets.
     */
    public void clearTargets()
    {
        targetCount = 0;
        plainMatch = false;
    }

    /**
     * @param sid a subscription this message copy is for.
     */
    public void addTarget(final int sid)
    {
        if (targetCount == targets.length)
        {
            targets = Arrays.copyOf(targets, targetCount * 2);
        }
        targets[targetCount++] = sid;
    }

    /**
     * Marks a plain ZeroMQ peer as matched.
     */
    public void markPlainMatch()
    {
        plainMatch = true;
    }

    /**
     * @return true when this peer gets the current message.
     */
    public boolean hasTargets()
    {
        return targetCount > 0 || plainMatch;
    }

    /**
     * @return target subscription IDs.
     */
    public int[] targets()
    {
        return targets;
    }

    /**
     * @return how many target subscription IDs.
     */
    public int targetCount()
    {
        return targetCount;
    }
}
