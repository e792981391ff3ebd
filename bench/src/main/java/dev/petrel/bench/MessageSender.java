package dev.petrel.bench;

/**
 * The sending half of a pass: a tight loop over one library's cheapest send call.
 */
@FunctionalInterface
public interface MessageSender
{
    /** How many messages a sender may send between two looks at the clock. */
    int CLOCK_CHECK_INTERVAL = 1024;

    /**
     * Sends up to {@code messages} messages, stopping early once the deadline passes or the library refuses.
     *
     * @param messages   how many to send.
     * @param deadlineNs {@link System#nanoTime()} after which to stop.
     * @return how many were sent.
     */
    long send(long messages, long deadlineNs);
}
