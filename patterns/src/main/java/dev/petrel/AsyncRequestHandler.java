package dev.petrel;

/**
 * Takes a request and replies later, from any thread, through its {@link ReplyChannel}. Called on the node's I/O
 * thread: hand slow work to another thread.
 */
@FunctionalInterface
public interface AsyncRequestHandler
{
    /**
     * @param request the request.
     * @param reply   where the reply goes; use it exactly once.
     */
    void onRequest(Message request, ReplyChannel reply);
}
