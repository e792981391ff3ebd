package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.patterns.Envelope;
import dev.petrel.patterns.EpochNanos;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends requests and matches replies by correlation ID (ZeroMQ DEALER on the wire): many requests in flight at
 * once, replies in any order, load-balanced across connected repliers. Each request is prefixed with a correlation
 * frame and an empty delimiter, so stock ZeroMQ REP and ROUTER sockets echo it back and take part.
 * <p>
 * Every way a request can fail is its own exception, delivered through the future: {@link RequestTimeoutException},
 * {@link NoRespondersException}, {@link ReplierDisconnectedException}, {@link RemoteHandlerException},
 * {@link BackPressureException} (too many in flight, or no room to send) and {@link SocketClosedException}.
 * Futures complete on the node's I/O thread: use the {@code ...Async} stages for blocking follow-up work.
 * Thread-safe.
 */
public final class Requester extends SocketBase
{
    private static final Map<String, String> NO_HEADERS = Map.of();
    private static final long SWEEP_INTERVAL_MS = 5;

    private final Map<Long, PendingRequest> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(System.nanoTime() & 0xFFFF_FFFFL);
    private final AtomicLong lateReplies = new AtomicLong();
    private final Envelope envelope = new Envelope();
    private final Waiter waiter = new Waiter();
    private final UnsafeBuffer correlation = new UnsafeBuffer(new byte[8]);
    private final UnsafeBuffer subjectView = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer payloadView = new UnsafeBuffer(new byte[0]);
    private Semaphore permits = new Semaphore(1024);
    private LoadBalancing loadBalancing = LoadBalancing.ROUND_ROBIN;
    private long noRespondersWaitNs = TimeUnit.MILLISECONDS.toNanos(250);
    private int next;
    private volatile ScheduledFuture<?> sweeper;

    Requester(final Node node)
    {
        super(node);
    }

    @Override
    ZmtpSocketType socketType()
    {
        return ZmtpSocketType.DEALER;
    }

    /**
     * @param maxInFlight requests allowed in flight at once; more wait up to the send timeout.
     * @return this.
     */
    public Requester maxInFlight(final int maxInFlight)
    {
        checkNotStarted();
        this.permits = new Semaphore(maxInFlight);
        return this;
    }

    /**
     * @param loadBalancing how repliers are picked.
     * @return this.
     */
    public Requester loadBalancing(final LoadBalancing loadBalancing)
    {
        this.loadBalancing = loadBalancing;
        return this;
    }

    /**
     * @param wait how long a request waits for a first replier to connect before failing with
     *             {@link NoRespondersException}.
     * @return this.
     */
    public Requester noRespondersWait(final Duration wait)
    {
        this.noRespondersWaitNs = wait.toNanos();
        return this;
    }

    /**
     * @param timeout how long a request waits for room (in-flight limit or high-water mark) before failing.
     * @return this.
     */
    public Requester sendTimeout(final Duration timeout)
    {
        settings().sendTimeoutNs(timeout.toNanos());
        return this;
    }

    /**
     * Sends a request.
     *
     * @param subject the subject the replier routes on.
     * @param payload the payload.
     * @param timeout how long to wait for the reply.
     * @return completes with the reply, or exceptionally with one of the documented outcomes.
     */
    public CompletableFuture<Message> request(final String subject, final byte[] payload, final Duration timeout)
    {
        return request(Message.of(subject, payload), timeout, false);
    }

    /**
     * Sends a request.
     *
     * @param request    the request (subject, payload, headers).
     * @param timeout    how long to wait for the reply.
     * @param idempotent when true and the replier disconnects first, the request is resent to another replier.
     * @return completes with the reply, or exceptionally with one of the documented outcomes.
     */
    public CompletableFuture<Message> request(final Message request, final Duration timeout, final boolean idempotent)
    {
        final PendingRequest pending = PendingRequest.single(nextId.incrementAndGet(), request, idempotent);
        final Throwable failure = start(pending, timeout);
        if (null != failure)
        {
            pending.future.completeExceptionally(failure);
        }
        return pending.future;
    }

    /**
     * Sends a request and waits for the reply.
     *
     * @param subject the subject.
     * @param payload the payload.
     * @param timeout how long to wait.
     * @return the reply.
     * @throws PetrelException one of the documented outcomes.
     */
    public Message requestSync(final String subject, final byte[] payload, final Duration timeout)
    {
        try
        {
            return request(subject, payload, timeout).get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new PetrelInterruptedException("request");
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof PetrelException)
            {
                throw (PetrelException)ex.getCause();
            }
            throw new PetrelException(String.valueOf(ex.getCause()), ex.getCause());
        }
    }

    /**
     * Scatter-gather: sends the request to every connected replier and collects replies until {@code maxReplies}
     * have arrived or the timeout passes; completes normally with what arrived (possibly nothing).
     *
     * @param subject    the subject.
     * @param payload    the payload.
     * @param timeout    how long to collect.
     * @param maxReplies stop after this many replies.
     * @return the replies.
     */
    public CompletableFuture<List<Message>> requestAll(
        final String subject, final byte[] payload, final Duration timeout, final int maxReplies)
    {
        final Pipe[] targets = pipes;
        final PendingRequest pending = PendingRequest.gather(
            nextId.incrementAndGet(), Message.of(subject, payload), Math.min(maxReplies, targets.length));
        if (0 == targets.length || maxReplies <= 0)
        {
            pending.gather.complete(List.of());
            return pending.gather;
        }
        inFlight.put(pending.id, pending);
        pending.deadlineNs = System.nanoTime() + timeout.toNanos();
        startSweeper();
        synchronized (sendLock)
        {
            for (final Pipe pipe : targets)
            {
                if (Pipe.OK == offer(pipe, pending))
                {
                    sent.incrementAndGet();
                }
            }
        }
        return pending.gather;
    }

    /**
     * @return replies that arrived after their request had timed out or been answered.
     */
    public long lateReplies()
    {
        return lateReplies.get();
    }

    /**
     * @return requests in flight now.
     */
    public int inFlight()
    {
        return inFlight.size();
    }

    private Throwable start(final PendingRequest pending, final Duration timeout)
    {
        if (isClosed())
        {
            return new SocketClosedException("requester is closed");
        }
        try
        {
            if (!permits.tryAcquire(settings().sendTimeoutNs(), TimeUnit.NANOSECONDS))
            {
                return new BackPressureException("too many requests in flight");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return new PetrelInterruptedException("request");
        }
        inFlight.put(pending.id, pending);
        pending.deadlineNs = System.nanoTime() + timeout.toNanos();
        startSweeper();
        final Throwable failure = send(pending);
        if (null != failure && null != inFlight.remove(pending.id))
        {
            finish(pending);
            return failure;
        }
        return null;
    }

    private Throwable send(final PendingRequest pending)
    {
        final long start = System.nanoTime();
        synchronized (waiter)
        {
            waiter.reset();
            while (true)
            {
                synchronized (sendLock)
                {
                    final Pipe pipe = choose();
                    if (null != pipe && Pipe.OK == offer(pipe, pending))
                    {
                        outstanding(pipe).incrementAndGet();
                        pending.sentTo(pipe);
                        if (!inFlight.containsKey(pending.id))
                        {
                            // Answered or timed out before we recorded the replier: settle its count here.
                            release(pending);
                        }
                        else if (pipe.isClosed())
                        {
                            // The replier may have gone before we recorded it: look again on the I/O thread.
                            agent.execute(this::onPipesChanged);
                        }
                        sent.incrementAndGet();
                        return null;
                    }
                }
                final long waited = System.nanoTime() - start;
                final long sendTimeoutNs = settings().sendTimeoutNs();
                if (0 == pipes.length && (waited > noRespondersWaitNs || waited > sendTimeoutNs))
                {
                    return new NoRespondersException("no replier connected for '" + pending.request.subject() + "'");
                }
                if (waited > sendTimeoutNs)
                {
                    return new BackPressureException("no replier had room within the send timeout");
                }
                if (isClosed())
                {
                    return new SocketClosedException("requester closed while sending");
                }
                waiter.idle("request");
            }
        }
    }

    private Pipe choose()
    {
        final Pipe[] current = pipes;
        final int n = current.length;
        int best = -1;
        for (int i = 0; i < n; i++)
        {
            final Pipe pipe = current[(next + i) % n];
            if (pipe.queued() >= pipe.highWaterMark())
            {
                continue;
            }
            if (LoadBalancing.ROUND_ROBIN == loadBalancing)
            {
                best = i;
                break;
            }
            if (-1 == best || outstanding(pipe).get() < outstanding(current[(next + best) % n]).get())
            {
                best = i;
            }
        }
        if (-1 == best)
        {
            return null;
        }
        // Start the next search after the chosen pipe, so ties between equally loaded repliers rotate.
        final Pipe chosen = current[(next + best) % n];
        next = (next + best + 1) % n;
        return chosen;
    }

    private static AtomicInteger outstanding(final Pipe pipe)
    {
        return (AtomicInteger)pipe.attachment();
    }

    private int offer(final Pipe pipe, final PendingRequest pending)
    {
        final Message request = pending.request;
        frames.reset();
        if (pipe.carriesObjects())
        {
            return pipe.offer(frames.handOff(new CorrelatedMessage(pending.id, new Message(request.subject(),
                request.payload(), request.headers(), pending.id, 0, EpochNanos.now()))));
        }
        correlation.putLong(0, pending.id, java.nio.ByteOrder.BIG_ENDIAN);
        frames.add(correlation, 0, 8).add(payloadView, 0, 0);
        if (pipe.isPetrelPeer())
        {
            final byte[] subject = request.subject().getBytes(StandardCharsets.UTF_8);
            subjectView.wrap(subject);
            frames.add(subjectView, 0, subject.length);
            scratch.checkLimit(Envelope.maxLength(0, request.headers()));
            final int metaLength = Envelope.encode(scratch, 0, EpochNanos.now(),
                pending.id, 0, null, 0, request.headers().isEmpty() ? NO_HEADERS : request.headers());
            frames.add(scratch, 0, metaLength);
        }
        frames.add(request.payload());
        return pipe.offer(frames);
    }

    @Override
    void onAttached(final Pipe pipe)
    {
        pipe.attachment(new AtomicInteger());
    }

    @Override
    void onPipesChanged()
    {
        for (final PendingRequest pending : inFlight.values())
        {
            final Pipe pipe = pending.pipe;
            if (null != pipe && pipe.isClosed() && !pending.isGather())
            {
                onReplierGone(pending);
            }
        }
    }

    private void onReplierGone(final PendingRequest pending)
    {
        if (pending.idempotent && pipes.length > 0)
        {
            release(pending);
            node.timer().execute(() ->
            {
                final Throwable failure = send(pending);
                if (null != failure && null != inFlight.remove(pending.id))
                {
                    finish(pending);
                    pending.future.completeExceptionally(failure);
                }
            });
            return;
        }
        final Pipe gone = pending.pipe;
        if (null != gone && null != inFlight.remove(pending.id))
        {
            finish(pending);
            pending.future.completeExceptionally(new ReplierDisconnectedException(
                "replier " + gone.remoteAddress() + " disconnected before replying"));
        }
    }

    /**
     * Request timeouts are found by one periodic sweep rather than a timer task per request: scheduling and
     * cancelling a task per request would wake the timer thread on every request.
     */
    private void startSweeper()
    {
        if (null == sweeper)
        {
            synchronized (inFlight)
            {
                if (null == sweeper && !isClosed())
                {
                    sweeper = node.timer().scheduleWithFixedDelay(
                        this::expireOverdue, SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void expireOverdue()
    {
        final long now = System.nanoTime();
        for (final PendingRequest pending : inFlight.values())
        {
            if (now - pending.deadlineNs >= 0)
            {
                expire(pending.id);
            }
        }
    }

    private void expire(final long id)
    {
        final PendingRequest pending = inFlight.remove(id);
        if (null == pending)
        {
            return;
        }
        finish(pending);
        if (pending.isGather())
        {
            pending.gather.complete(pending.repliesSoFar());
        }
        else
        {
            pending.future.completeExceptionally(new RequestTimeoutException(
                "no reply to '" + pending.request.subject() + "' within the request timeout"));
        }
    }

    private void finish(final PendingRequest pending)
    {
        if (!pending.isGather())
        {
            release(pending);
            permits.release();
        }
    }

    private static void release(final PendingRequest pending)
    {
        final Pipe pipe = pending.takePipe();
        if (null != pipe)
        {
            outstanding(pipe).decrementAndGet();
        }
    }

    @Override
    boolean onMessage(final Pipe pipe, final InboundFrames frames)
    {
        if (frames.count() < 2 || 8 != frames.length(0) || 0 != frames.length(1))
        {
            countDrop(pipe, DropReason.MALFORMED);
            return true;
        }
        final long id = frames.buffer().getLong(frames.offset(0), java.nio.ByteOrder.BIG_ENDIAN);
        final PendingRequest pending = inFlight.get(id);
        if (null == pending)
        {
            lateReplies.incrementAndGet();
            return true;
        }
        final Message reply = decodeReply(pipe, frames);
        if (null == reply)
        {
            countDrop(pipe, DropReason.MALFORMED);
            return true;
        }
        received.incrementAndGet();
        complete(pending, reply);
        return true;
    }

    @Override
    boolean acceptsObjects()
    {
        return true;
    }

    /**
     * A reply from a replier of this node, by reference.
     */
    @Override
    boolean onObject(final Pipe pipe, final Object object)
    {
        final CorrelatedMessage reply = (CorrelatedMessage)object;
        final PendingRequest pending = inFlight.get(reply.correlationId());
        if (null == pending)
        {
            lateReplies.incrementAndGet();
            return true;
        }
        received.incrementAndGet();
        complete(pending, reply.message());
        return true;
    }

    private Message decodeReply(final Pipe pipe, final InboundFrames frames)
    {
        if (pipe.isPetrelPeer() && 4 == frames.count())
        {
            try
            {
                MessageCodec.decodeEnvelope(envelope, frames, 2);
            }
            catch (final IllegalArgumentException ex)
            {
                return null;
            }
            return MessageCodec.fromEnvelope("", envelope, frames, 3);
        }
        return frames.count() > 2 ? Message.of("", MessageCodec.copy(frames, 2)) : Message.of("", new byte[0]);
    }

    private void complete(final PendingRequest pending, final Message reply)
    {
        if (pending.isGather())
        {
            if (pending.addReply(reply) && null != inFlight.remove(pending.id))
            {
                finish(pending);
                pending.gather.complete(pending.repliesSoFar());
            }
            return;
        }
        if (null == inFlight.remove(pending.id))
        {
            lateReplies.incrementAndGet();
            return;
        }
        finish(pending);
        if ("error".equals(reply.header(Replier.STATUS_HEADER)))
        {
            pending.future.completeExceptionally(new RemoteHandlerException(
                String.valueOf(reply.header(Replier.ERROR_HEADER))));
        }
        else
        {
            pending.future.complete(reply);
        }
    }

    @Override
    void onClose()
    {
        final ScheduledFuture<?> s = sweeper;
        if (null != s)
        {
            s.cancel(false);
        }
        for (final PendingRequest pending : inFlight.values())
        {
            if (null != inFlight.remove(pending.id))
            {
                finish(pending);
                final SocketClosedException closed = new SocketClosedException("requester closed");
                if (pending.isGather())
                {
                    pending.gather.complete(pending.repliesSoFar());
                }
                else
                {
                    pending.future.completeExceptionally(closed);
                }
            }
        }
    }
}
