package dev.petrel.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.NodeContext;
import dev.petrel.Replier;
import dev.petrel.Requester;

/**
 * Petrel request/reply in one node: a {@link Replier} with a synchronous handler that echoes the request (it runs on
 * the node's I/O thread) and a {@link Requester} on the calling thread, over any endpoint the replier can bind
 * ({@code tcp://127.0.0.1:0}, {@code aeron:udp?endpoint=127.0.0.1:0}). A round trip is one
 * {@link Requester#request(String, byte[], Duration)} and a wait on its future; a pipelined pass keeps a window of
 * futures outstanding and counts the replies in their completion callback.
 */
public final class PetrelReqRepTrial implements RoundTripTrial, PipelinedTrial
{
    private static final String SUBJECT = "bench.echo";
    private static final long DRAIN_GRACE_NS = TimeUnit.SECONDS.toNanos(1);

    private final byte[] payload;
    private final Node node;
    private final Requester requester;
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong lastReplyNs = new AtomicLong();
    private Semaphore window = new Semaphore(1);
    private final BiConsumer<Message, Throwable> onReply = this::onReply;

    /**
     * Binds the replier, connects the requester and waits for the connection.
     *
     * @param endpoint      where the replier binds (port 0 for an ephemeral one).
     * @param messageLength payload bytes per request and reply.
     * @param idleStrategy  the node's I/O idle strategy.
     * @param setupTimeout  how long connecting may take.
     */
    public PetrelReqRepTrial(
        final String endpoint, final int messageLength, final String idleStrategy, final Duration setupTimeout)
    {
        payload = TrialSupport.filled(messageLength);
        node = Node.create(new NodeContext().idleStrategy(idleStrategy));
        try
        {
            final Replier replier = node.replier().handle(SUBJECT, request -> request);
            final String bound = replier.bind(endpoint);
            requester = node.requester();
            requester.connect(bound);
            TrialSupport.awaitPeer(requester::peerCount, setupTimeout, "Petrel requester");
        }
        catch (final RuntimeException ex)
        {
            node.close();
            throw ex;
        }
    }

    @Override
    public boolean roundTrip(final long deadlineNs)
    {
        final CompletableFuture<Message> reply = requester.request(SUBJECT, payload, Duration.ofSeconds(10));
        try
        {
            reply.get(Math.max(1, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            return false;
        }
    }

    @Override
    public Measurement run(final PassPlan plan, final int inFlight)
    {
        window = new Semaphore(inFlight);
        final long base = replies.get();
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + plan.timeCapNs();
        long sent = 0;
        while (sent < plan.messages() && acquire(window, 1, deadlineNs))
        {
            requester.request(SUBJECT, payload, Duration.ofSeconds(10)).whenComplete(onReply);
            sent++;
        }
        final boolean drained = acquire(window, inFlight, Math.max(deadlineNs, System.nanoTime() + DRAIN_GRACE_NS));
        final long received = replies.get() - base;
        final long endNs = received > 0 ? lastReplyNs.get() : System.nanoTime();
        return new Measurement(sent, received, endNs - startNs, !drained || sent < plan.messages());
    }

    private void onReply(final Message reply, final Throwable failure)
    {
        if (null == failure)
        {
            lastReplyNs.set(System.nanoTime());
            replies.incrementAndGet();
        }
        window.release();
    }

    private static boolean acquire(final Semaphore semaphore, final int permits, final long deadlineNs)
    {
        try
        {
            return semaphore.tryAcquire(permits, Math.max(0, deadlineNs - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close()
    {
        node.close();
    }
}
