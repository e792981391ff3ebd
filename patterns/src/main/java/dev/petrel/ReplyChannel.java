package dev.petrel;

/**
 * The way back to one requester. Thread-safe; replies may be sent in any order relative to other requests.
 */
public interface ReplyChannel
{
    /**
     * Sends the reply.
     *
     * @param reply the reply.
     */
    void reply(Message reply);

    /**
     * Sends the reply payload.
     *
     * @param payload the reply payload.
     */
    default void reply(final byte[] payload)
    {
        reply(Message.of("", payload));
    }

    /**
     * Sends an error reply; the requester's future fails with {@link RemoteHandlerException}.
     *
     * @param error one line saying what went wrong.
     */
    void fail(String error);
}
