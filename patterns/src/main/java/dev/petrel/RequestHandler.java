package dev.petrel;

/**
 * Answers a request synchronously, on the node's I/O thread: return the reply, or throw to send an error reply.
 * Must not block; use {@link AsyncRequestHandler} for slow work.
 */
@FunctionalInterface
public interface RequestHandler
{
    /**
     * @param request the request.
     * @return the reply.
     * @throws Exception to send an error reply carrying the exception's message.
     */
    Message onRequest(Message request) throws Exception;
}
