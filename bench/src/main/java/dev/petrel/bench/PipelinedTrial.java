package dev.petrel.bench;

/**
 * One library's connected requester and replier for a pipelined throughput row: keeps a fixed number of requests
 * in flight and counts the replies.
 * <p>
 * Not thread-safe: one caller runs passes one after the other, then closes the trial.
 */
public interface PipelinedTrial extends AutoCloseable
{
    /**
     * Sends {@code plan.messages()} requests, at most {@code inFlight} unanswered at any time, and waits for the
     * replies, all within the plan's time cap.
     *
     * @param plan     how many requests and how long at most.
     * @param inFlight requests outstanding at once.
     * @return requests sent, replies received and the time from the first send to the last reply.
     */
    Measurement run(PassPlan plan, int inFlight);

    /**
     * Closes the sockets and stops the trial's threads.
     */
    @Override
    void close();
}
