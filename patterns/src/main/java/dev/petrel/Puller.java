package dev.petrel;

import java.nio.file.Path;
import java.time.Duration;

import dev.petrel.patterns.Envelope;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Collects work from pushers, fair-queued across them. Receive with {@link #receive(Duration)}, drive it with
 * {@link #poll(MessageHandler, int)}, or set a {@link #handler(MessageHandler) callback}. When the receive queue is
 * full, reading from the network pauses, so back pressure reaches the pushers; nothing is dropped.
 * <p>
 * A {@link #durable(String, Path) durable} puller is a named receiver of durable pushers: it drops duplicates and
 * acknowledges what it processed, which gives effectively-once processing across crashes and reconnects.
 */
public final class Puller extends SocketBase
{
    private final Envelope envelope = new Envelope();
    private volatile MessageHandler handler;
    private volatile BufferHandler bufferHandler;
    private ReceiveQueue queue;
    private final UnsafeBuffer objectView = new UnsafeBuffer(new byte[0]);
    private DurableReceiver durable;

    Puller(final Node node)
    {
        super(node);
    }

    /**
     * Makes this puller a named durable receiver; call before the first bind or connect. It announces the name to
     * every Petrel pusher it connects to; durable pushers then deliver to it at least once, resuming where this
     * name left off after either side restarts. Duplicates are dropped by (producer ID, sequence), remembered in
     * {@code stateDir} so that a restarted puller still drops them, and each message is acknowledged once
     * processed:
     * <ul>
     *   <li>with a {@link #handler(MessageHandler) handler}, when the handler returns (a handler that throws has
     *   the message delivered again);</li>
     *   <li>with {@link #poll(MessageHandler, int)}, when the handler returns for that message;</li>
     *   <li>with {@link #receive(Duration)}, when {@link #ack(Message)} is called; until then the pusher may
     *   deliver it to another puller after its redelivery timeout.</li>
     * </ul>
     * An acknowledgement covers the messages the same pusher sent earlier on that connection only once they are
     * acknowledged too. With a handler, the messages of one read pass of the I/O thread (up to 256) go to the
     * handler together, in arrival order, and share their journal writes and acknowledgement.
     * <p>
     * Processing contract: each message is journalled in {@code stateDir} as handed over before the application
     * sees it, and as processed before it is acknowledged. A message is therefore handed over once, except one
     * that the application may have seen before (its handler threw, or this process died between handing it over
     * and recording it as processed): that one comes again with {@link Message#redelivered()} true. An application
     * that checks, for a redelivered message, whether its effect is already there (or whose processing is
     * idempotent) processes every message exactly once across crashes of either side. No side effect outside the
     * application's control can be made atomic with the journal, so this check is the application's part. The
     * journal is not forced: after a crash of the host, messages processed shortly before may come again unmarked.
     * <p>
     * Payload callbacks ({@link #bufferHandler(BufferHandler)}) are not used for durable messages. Messages from
     * pushers that are not durable are received as usual. Give each running puller its own name and state
     * directory.
     *
     * @param name     the receiver name, at most 44 UTF-8 bytes, stable across restarts.
     * @param stateDir directory for the duplicate-detection state, created if missing.
     * @return this.
     * @since 0.1.0
     */
    public Puller durable(final String name, final Path stateDir)
    {
        checkNotStarted();
        if (null != durable)
        {
            throw new IllegalStateException("the puller is already durable");
        }
        durable = new DurableReceiver(this, this::offerToQueue, name, stateDir);
        return this;
    }

    /**
     * Acknowledges a message taken with {@link #receive(Duration)} from a durable pusher: records it as processed
     * and tells the pusher. Does nothing for other messages or when called again.
     *
     * @param message the processed message.
     * @since 0.1.0
     */
    public void ack(final Message message)
    {
        if (null != durable)
        {
            durable.complete(message);
        }
    }

    @Override
    ZmtpSocketType socketType()
    {
        return ZmtpSocketType.PULL;
    }

    /**
     * Delivers every message to a callback on the node's I/O thread instead of the receive queue.
     *
     * @param handler the callback; must not block.
     * @return this.
     */
    public Puller handler(final MessageHandler handler)
    {
        this.handler = handler;
        return this;
    }

    /**
     * Delivers every payload, without copying and without allocating, to a callback on the node's I/O thread.
     *
     * @param handler the callback; the buffer view is valid only during the call.
     * @return this.
     */
    public Puller bufferHandler(final BufferHandler handler)
    {
        this.bufferHandler = handler;
        return this;
    }

    /**
     * @param messages how many received messages are held before reading pauses; set before bind or connect.
     * @return this.
     */
    public Puller receiveHighWaterMark(final int messages)
    {
        checkNotStarted();
        settings().receiveHighWaterMark(messages);
        return this;
    }

    private ReceiveQueue queue()
    {
        ReceiveQueue q = queue;
        if (null == q)
        {
            synchronized (this)
            {
                q = queue;
                if (null == q)
                {
                    q = new ReceiveQueue(settings().receiveHighWaterMark(), agent::wake);
                    queue = q;
                }
            }
        }
        return q;
    }

    @Override
    public String bind(final String endpoint)
    {
        queue();
        return super.bind(endpoint);
    }

    @Override
    public void connect(final String endpoint)
    {
        queue();
        super.connect(endpoint);
    }

    /**
     * Waits for the next message.
     *
     * @param timeout how long to wait.
     * @return the message, or null when none arrived in time.
     * @throws PetrelInterruptedException when the thread is interrupted while waiting.
     */
    public Message receive(final Duration timeout)
    {
        return receiveFrom(queue(), timeout);
    }

    /**
     * Hands up to {@code limit} waiting messages to a handler on the calling thread, without waiting.
     *
     * @param handler receives the messages.
     * @param limit   most messages to hand over.
     * @return how many were handed over.
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        return pollFrom(queue(), handler, limit, this::ack);
    }

    @Override
    boolean onMessage(final Pipe pipe, final InboundFrames frames)
    {
        if (null != durable && durable.accepts(pipe))
        {
            return durable.onMessage(pipe, frames, handler);
        }
        final BufferHandler viewHandler = bufferHandler;
        if (null != viewHandler)
        {
            final int frame = pipe.isPetrelPeer() && frames.count() == 2 ? 1 : 0;
            received.incrementAndGet();
            viewHandler.onMessage(frames.buffer(), frames.offset(frame), frames.length(frame));
            return true;
        }
        final Message message;
        if (pipe.isPetrelPeer() && frames.count() == 2)
        {
            try
            {
                MessageCodec.decodeEnvelope(envelope, frames, 0);
            }
            catch (final IllegalArgumentException ex)
            {
                countDrop(pipe, DropReason.MALFORMED);
                return true;
            }
            message = MessageCodec.fromEnvelope("", envelope, frames, 1);
        }
        else
        {
            message = MessageCodec.fromPlain(frames, false);
        }
        return deliver(message);
    }

    @Override
    boolean acceptsObjects()
    {
        return true;
    }

    /**
     * A message from a pusher of this node, by reference: its payload array reaches the handler or the queue as
     * the sender gave it.
     */
    @Override
    boolean onObject(final Pipe pipe, final Object object)
    {
        final Message message = (Message)object;
        final BufferHandler viewHandler = bufferHandler;
        if (null != viewHandler)
        {
            received.incrementAndGet();
            objectView.wrap(message.payload());
            viewHandler.onMessage(objectView, 0, message.payload().length);
            return true;
        }
        return deliver(message);
    }

    private boolean deliver(final Message message)
    {
        final MessageHandler callback = handler;
        if (null != callback)
        {
            received.incrementAndGet();
            callback.onMessage(message);
            return true;
        }
        return queue().offer(message);
    }

    boolean offerToQueue(final Message message)
    {
        return queue().offer(message);
    }

    @Override
    void onAttached(final Pipe pipe)
    {
        if (null != durable)
        {
            durable.onAttached(pipe);
        }
    }

    @Override
    void onDetached(final Pipe pipe)
    {
        if (null != durable)
        {
            durable.onDetached(pipe);
        }
    }

    @Override
    String onCommand(final Pipe pipe, final String name, final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == durable)
        {
            return null;
        }
        try
        {
            return durable.onCommand(pipe, name, buffer, offset, length);
        }
        catch (final IllegalArgumentException ex)
        {
            return ex.getMessage();
        }
    }

    @Override
    void onClosed()
    {
        if (null != durable)
        {
            durable.close();
        }
    }

    @Override
    void onClose()
    {
        if (null != durable)
        {
            durable.stopHandingOver();
        }
        final ReceiveQueue q = queue;
        if (null != q)
        {
            q.close();
        }
    }
}
