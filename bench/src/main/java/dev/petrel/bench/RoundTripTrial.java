package dev.petrel.bench;

/**
 * One library's connected pair for a latency row: each call sends one 64-byte message or request and returns when
 * its echo or reply has arrived, so exactly one is ever in flight.
 * <p>
 * Not thread-safe: one caller runs round trips one after the other, then closes the trial.
 */
public interface RoundTripTrial extends AutoCloseable
{
    /**
     * Sends one message and waits for its answer.
     *
     * @param deadlineNs {@link System#nanoTime()} after which to give up.
     * @return true when the answer arrived, false at the deadline.
     */
    boolean roundTrip(long deadlineNs);

    /**
     * Closes the sockets and stops the trial's threads.
     */
    @Override
    void close();
}
