package dev.petrel;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.petrel.patterns.Envelope;
import dev.petrel.patterns.EpochNanos;
import dev.petrel.patterns.SubjectPattern;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Answers requests (ZeroMQ ROUTER on the wire). Between Petrel peers the request's subject picks the handler;
 * plain ZeroMQ REQ and DEALER peers are answered as a ROUTER would: every frame up to the first empty one is the
 * envelope, echoed in front of the reply; a request without that empty frame is dropped and counted, as a ZeroMQ
 * REP drops it. Requests without a subject go to the first handler.
 * <p>
 * Synchronous handlers run on the I/O thread and return the reply; asynchronous ones reply later from any
 * thread, in any order. A handler that throws sends an error reply. All writes to the network happen on the I/O
 * thread, so a slow requester never blocks a replying thread.
 */
public final class Replier extends SocketBase
{
    /** Header carrying {@code error} on an error reply between Petrel peers. */
    public static final String STATUS_HEADER = "Petrel-Status";
    /** Header carrying the error message on an error reply between Petrel peers. */
    public static final String ERROR_HEADER = "Petrel-Error";

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Envelope envelope = new Envelope();
    private final OutboundFrames ioFrames = new OutboundFrames();
    private final ExpandableArrayBuffer ioScratch = new ExpandableArrayBuffer(256);
    private final ManyToOneConcurrentLinkedQueue<Reply> outbox = new ManyToOneConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flush;

    Replier(final Node node)
    {
        super(node);
    }

    @Override
    ZmtpSocketType socketType()
    {
        return ZmtpSocketType.ROUTER;
    }

    /**
     * Answers requests whose subject matches with a synchronous handler.
     *
     * @param pattern subject pattern ({@code *} and {@code >} allowed).
     * @param handler returns the reply; runs on the I/O thread.
     * @return this.
     */
    public Replier handle(final String pattern, final RequestHandler handler)
    {
        routes.add(new Route(SubjectPattern.compile(pattern), handler, null));
        return this;
    }

    /**
     * Answers requests whose subject matches with an asynchronous handler.
     *
     * @param pattern subject pattern.
     * @param handler replies later through its channel.
     * @return this.
     */
    public Replier handleAsync(final String pattern, final AsyncRequestHandler handler)
    {
        routes.add(new Route(SubjectPattern.compile(pattern), null, handler));
        return this;
    }

    @Override
    void onAttached(final Pipe pipe)
    {
        pipe.attachment(new ArrayDeque<PendingReply>());
    }

    @Override
    boolean onMessage(final Pipe pipe, final InboundFrames frames)
    {
        final int count = frames.count();
        int delimiter = -1;
        for (int i = 0; i < count; i++)
        {
            if (0 == frames.length(i))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0)
        {
            // No envelope to echo, so no way back: dropped, as a ZeroMQ REP does (the connection stays up).
            countDrop(pipe, DropReason.MALFORMED);
            return true;
        }
        final byte[][] routing = new byte[delimiter + 1][];
        for (int i = 0; i <= delimiter; i++)
        {
            routing[i] = MessageCodec.copy(frames, i);
        }
        final Message request = decodeRequest(pipe, frames, delimiter + 1);
        if (null == request)
        {
            countDrop(pipe, DropReason.MALFORMED);
            return true;
        }
        received.incrementAndGet();
        dispatch(new Channel(pipe, routing), request);
        return true;
    }

    @Override
    boolean acceptsObjects()
    {
        return true;
    }

    /**
     * A request from a requester of this node, by reference; the reply goes back the same way.
     */
    @Override
    boolean onObject(final Pipe pipe, final Object object)
    {
        final CorrelatedMessage request = (CorrelatedMessage)object;
        final byte[] correlation = new byte[Long.BYTES];
        new UnsafeBuffer(correlation).putLong(0, request.correlationId(), java.nio.ByteOrder.BIG_ENDIAN);
        received.incrementAndGet();
        dispatch(new Channel(pipe, new byte[][] { correlation, new byte[0] }), request.message());
        return true;
    }

    private Message decodeRequest(final Pipe pipe, final InboundFrames frames, final int first)
    {
        final int bodyFrames = frames.count() - first;
        if (pipe.isPetrelPeer() && 3 == bodyFrames)
        {
            try
            {
                MessageCodec.decodeEnvelope(envelope, frames, first + 1);
            }
            catch (final IllegalArgumentException ex)
            {
                return null;
            }
            return MessageCodec.fromEnvelope(MessageCodec.text(frames, first), envelope, frames, first + 2);
        }
        if (bodyFrames <= 0)
        {
            return Message.of("", new byte[0]);
        }
        return Message.of("", MessageCodec.copy(frames, first));
    }

    private void dispatch(final Channel channel, final Message request)
    {
        final Route route = routeFor(request.subject());
        if (null == route)
        {
            channel.fail("no handler for subject '" + request.subject() + "'");
            return;
        }
        if (null != route.async)
        {
            try
            {
                route.async.onRequest(request, channel);
            }
            catch (final RuntimeException ex)
            {
                channel.fail(String.valueOf(ex.getMessage()));
            }
            return;
        }
        try
        {
            final Message reply = route.sync.onRequest(request);
            channel.reply(null == reply ? Message.of("", new byte[0]) : reply);
        }
        catch (final Exception ex)
        {
            channel.fail(null == ex.getMessage() ? ex.getClass().getSimpleName() : ex.getMessage());
        }
    }

    private Route routeFor(final String subject)
    {
        for (final Route route : routes)
        {
            if (subject.isEmpty() || route.pattern.matches(subject))
            {
                return route;
            }
        }
        return null;
    }

    private void send(final Reply reply)
    {
        if (agent.isIoThread())
        {
            write(reply);
        }
        else
        {
            outbox.offer(reply);
            scheduleFlush();
        }
    }

    private void scheduleFlush()
    {
        if (flushScheduled.compareAndSet(false, true))
        {
            agent.execute(flushTask);
        }
    }

    private void flush()
    {
        flushScheduled.set(false);
        Reply reply;
        while (null != (reply = outbox.poll()))
        {
            write(reply);
        }
        boolean waiting = false;
        for (final Pipe pipe : pipes)
        {
            waiting |= writePending(pipe);
        }
        if (waiting)
        {
            scheduleFlush();
        }
    }

    /**
     * Writes a reply on the I/O thread: at once when there is room, otherwise held for the pipe in order.
     */
    private void write(final Reply reply)
    {
        final Pipe pipe = reply.pipe;
        if (pipe.isClosed())
        {
            return;
        }
        encode(reply);
        final ArrayDeque<PendingReply> pending = pending(pipe);
        if (pending.isEmpty() && Pipe.OK == pipe.tryOffer(ioFrames))
        {
            sent.incrementAndGet();
            return;
        }
        if (pending.size() >= settings().sendHighWaterMark())
        {
            countDrop(pipe, DropReason.HIGH_WATER_MARK);
            return;
        }
        pending.add(new PendingReply(Pipe.encode(ioFrames)));
        scheduleFlush();
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<PendingReply> pending(final Pipe pipe)
    {
        return (ArrayDeque<PendingReply>)pipe.attachment();
    }

    private boolean writePending(final Pipe pipe)
    {
        final ArrayDeque<PendingReply> pending = pending(pipe);
        while (!pending.isEmpty())
        {
            final PendingReply head = pending.peek();
            final int position = pipe.offerPart(head.bytes, head.position);
            if (position < 0)
            {
                pending.clear();
                return false;
            }
            if (position < head.bytes.length)
            {
                head.position = position;
                return true;
            }
            pending.poll();
            sent.incrementAndGet();
        }
        return false;
    }

    private void encode(final Reply reply)
    {
        ioFrames.reset();
        if (reply.pipe.carriesObjects())
        {
            final long correlationId = new UnsafeBuffer(reply.routing[0]).getLong(0, java.nio.ByteOrder.BIG_ENDIAN);
            ioFrames.handOff(new CorrelatedMessage(correlationId, new Message("", reply.message.payload(),
                reply.message.headers(), 0, 0, EpochNanos.now())));
        }
        for (final byte[] frame : reply.routing)
        {
            ioFrames.add(new UnsafeBuffer(frame), 0, frame.length);
        }
        final byte[] payload = reply.message.payload();
        if (reply.pipe.isPetrelPeer())
        {
            final Map<String, String> headers = reply.message.headers();
            ioScratch.checkLimit(Envelope.maxLength(0, headers));
            final int metaLength = Envelope.encode(
                ioScratch, 0, EpochNanos.now(), 0, 0, null, 0, headers);
            ioFrames.add(ioScratch, 0, metaLength);
        }
        ioFrames.add(new UnsafeBuffer(payload), 0, payload.length);
    }

    /**
     * An encoded reply waiting for room, and how much of it is written.
     */
    private static final class PendingReply
    {
        private final byte[] bytes;
        private int position;

        PendingReply(final byte[] bytes)
        {
            this.bytes = bytes;
        }
    }

    /**
     * A handler route.
     */
    private static final class Route
    {
        private final SubjectPattern pattern;
        private final RequestHandler sync;
        private final AsyncRequestHandler async;

        Route(final SubjectPattern pattern, final RequestHandler sync, final AsyncRequestHandler async)
        {
            this.pattern = pattern;
            this.sync = sync;
            this.async = async;
        }
    }

    /**
     * A reply on its way to a pipe.
     */
    private static final class Reply
    {
        private final Pipe pipe;
        private final byte[][] routing;
        private final Message message;

        Reply(final Pipe pipe, final byte[][] routing, final Message message)
        {
            this.pipe = pipe;
            this.routing = routing;
            this.message = message;
        }
    }

    /**
     * The way back to one request: usable once, from any thread.
     */
    private final class Channel implements ReplyChannel
    {
        private final Pipe pipe;
        private final byte[][] routing;
        private final AtomicBoolean used = new AtomicBoolean();

        Channel(final Pipe pipe, final byte[][] routing)
        {
            this.pipe = pipe;
            this.routing = routing;
        }

        @Override
        public void reply(final Message reply)
        {
            if (used.compareAndSet(false, true))
            {
                send(new Reply(pipe, routing, reply));
            }
        }

        @Override
        public void fail(final String error)
        {
            final Message reply = pipe.isPetrelPeer() ?
                Message.builder().header(STATUS_HEADER, "error").header(ERROR_HEADER, error).build() :
                Message.of("", "error: " + error);
            reply(reply);
        }
    }
}
