package dev.petrel.bench;

/**
 * One library's sockets for one workload and message size, connected once and then driven through passes.
 * A pass sends on the calling thread and counts on the library's receiving thread.
 * <p>
 * Not thread-safe: one caller runs passes one after the other, then closes the trial.
 */
public interface ThroughputTrial extends AutoCloseable
{
    /**
     * Sends {@code plan.messages()} messages and waits until they all arrive, the receiver goes quiet after
     * the sender finished (messages were lost), or the time cap passes.
     *
     * @param plan how many messages and how long at most.
     * @return what the pass saw.
     */
    Measurement run(PassPlan plan);

    /**
     * Closes the sockets and stops the trial's threads.
     */
    @Override
    void close();
}
