package dev.petrel;

import java.util.Arrays;

/**
 * A subscriber's subscriptions, sorted by ID: copy on write, so the I/O thread finds one by its int ID (binary
 * search) without locking, boxing or allocating while application threads add and remove them. Changes are
 * serialised on the table; every change publishes a new array.
 */
final class SubscriptionTable
{
    private static final Subscription[] NONE = new Subscription[0];

    private volatile Subscription[] sorted = NONE;

    synchronized void add(final Subscription subscription)
    {
        final Subscription[] current = sorted;
        final int at = -(search(current, subscription.sid()) + 1);
        final Subscription[] next = new Subscription[current.length + 1];
        System.arraycopy(current, 0, next, 0, at);
        next[at] = subscription;
        System.arraycopy(current, at, next, at + 1, current.length - at);
        sorted = next;
    }

    /**
     * @return true when it was there.
     */
    synchronized boolean remove(final Subscription subscription)
    {
        final Subscription[] current = sorted;
        final int at = search(current, subscription.sid());
        if (at < 0)
        {
            return false;
        }
        final Subscription[] next = Arrays.copyOf(current, current.length - 1);
        System.arraycopy(current, at + 1, next, at, current.length - at - 1);
        sorted = next;
        return true;
    }

    /**
     * @return the subscription with this ID, or null.
     */
    Subscription get(final int sid)
    {
        final Subscription[] current = sorted;
        final int at = search(current, sid);
        return at < 0 ? null : current[at];
    }

    /**
     * @return every subscription, by ID; do not change the array.
     */
    Subscription[] all()
    {
        return sorted;
    }

    private static int search(final Subscription[] subscriptions, final int sid)
    {
        int low = 0;
        int high = subscriptions.length - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final int midSid = subscriptions[mid].sid();
            if (midSid < sid)
            {
                low = mid + 1;
            }
            else if (midSid > sid)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }
}
