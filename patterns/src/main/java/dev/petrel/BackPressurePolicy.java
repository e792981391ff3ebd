package dev.petrel;

/**
 * What a socket does when the peer it would send to is at its high-water mark.
 */
public enum BackPressurePolicy
{
    /** Wait up to the send timeout for room, then throw {@link BackPressureException}. Pusher's default. */
    BLOCK,
    /** Throw {@link BackPressureException} at once. */
    FAIL,
    /** Drop the new message and count the drop. Publisher's default, as ZeroMQ PUB does. */
    DROP_NEWEST,
    /** Discard the oldest queued message to make room, and count the drop. */
    DROP_OLDEST
}
