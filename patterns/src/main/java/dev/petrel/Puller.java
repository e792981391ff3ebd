package dev.petrel;

import java.time.Duration;

import dev.petrel.patterns.Envelope;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpSocketType;

/**
 * Collects work from pushers, fair-queued across them. Receive with {@link #receive(Duration)}, drive it with
 * {@link #poll(MessageHandler, int)}, or set a {@link #handler(MessageHandler) callback}. When the receive queue is
 * full, reading from the network pauses, so back pressure reaches the pushers; nothing is dropped.
 */
public final class Puller extends SocketBase
{
    private final Envelope envelope = new Envelope();
    private volatile MessageHandler handler;
    private volatile BufferHandler bufferHandler;
    private ReceiveQueue queue;

    Puller(final Node node)
    {
        super(node);
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
        checkNotClosed();
        final Message message = queue().take(timeout.toNanos());
        if (null != message)
        {
            received.incrementAndGet();
        }
        return message;
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
        checkNotClosed();
        int count = 0;
        Message message;
        while (count < limit && null != (message = queue().poll()))
        {
            received.incrementAndGet();
            handler.onMessage(message);
            count++;
        }
        return count;
    }

    @Override
    boolean onMessage(final Pipe pipe, final InboundFrames frames)
    {
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
        final MessageHandler callback = handler;
        if (null != callback)
        {
            received.incrementAndGet();
            callback.onMessage(message);
            return true;
        }
        return queue().offer(message);
    }

    @Override
    void onClose()
    {
        final ReceiveQueue q = queue;
        if (null != q)
        {
            q.close();
        }
    }
}
