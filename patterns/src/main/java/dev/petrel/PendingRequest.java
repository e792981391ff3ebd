package dev.petrel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.petrel.transport.Pipe;

/**
 * A request in flight: its future, the replier it went to, and what is needed to resend or to time it out.
 * A gather request collects replies from every replier until a count or its deadline.
 */
final class PendingRequest
{
    final long id;
    final Message request;
    final boolean idempotent;
    final CompletableFuture<Message> future;
    final CompletableFuture<List<Message>> gather;
    final int expected;
    final List<Message> replies;
    volatile Pipe pipe;
    volatile long deadlineNs = Long.MAX_VALUE;

    private PendingRequest(
        final long id, final Message request, final boolean idempotent, final CompletableFuture<Message> future,
        final CompletableFuture<List<Message>> gather, final int expected)
    {
        this.id = id;
        this.request = request;
        this.idempotent = idempotent;
        this.future = future;
        this.gather = gather;
        this.expected = expected;
        this.replies = null == gather ? null : new ArrayList<>();
    }

    static PendingRequest single(final long id, final Message request, final boolean idempotent)
    {
        return new PendingRequest(id, request, idempotent, new CompletableFuture<>(), null, 1);
    }

    static PendingRequest gather(final long id, final Message request, final int expected)
    {
        return new PendingRequest(id, request, false, null, new CompletableFuture<>(), expected);
    }

    boolean isGather()
    {
        return null != gather;
    }

    /**
     * Adds a gathered reply.
     *
     * @return true when enough replies have arrived.
     */
    synchronized boolean addReply(final Message reply)
    {
        replies.add(reply);
        return replies.size() >= expected;
    }

    synchronized List<Message> repliesSoFar()
    {
        return List.copyOf(replies);
    }

    synchronized void sentTo(final Pipe pipe)
    {
        this.pipe = pipe;
    }

    /**
     * Forgets the replier the request went to, once: whoever takes it settles that replier's outstanding count.
     *
     * @return the replier, or null when already taken.
     */
    synchronized Pipe takePipe()
    {
        final Pipe taken = pipe;
        pipe = null;
        return taken;
    }
}
