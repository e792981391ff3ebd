package dev.petrel.bench;

import java.time.Duration;

import dev.petrel.Node;
import dev.petrel.NodeContext;
import dev.petrel.Puller;
import dev.petrel.Pusher;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Petrel push/pull in one node, over TCP unless another endpoint is given: the calling thread sends with the
 * allocation-free {@link Pusher#send(org.agrona.DirectBuffer, int, int)}; the puller's callback (zero-copy buffer
 * view or {@link dev.petrel.Message}) counts on the node's I/O thread. Both sockets keep Petrel's default high-water
 * marks, as JeroMQ's trial keeps JeroMQ's.
 */
public final class PetrelPushPullTrial implements ThroughputTrial
{
    private final ReceiveCounter counter = new ReceiveCounter();
    private final UnsafeBuffer payload;
    private final Node node;
    private final Pusher pusher;

    /**
     * Connects a pusher to a puller and waits for the handshake.
     *
     * @param messageLength payload bytes per message.
     * @param idleStrategy  the node's I/O idle strategy.
     * @param receive       which callback counts.
     * @param setupTimeout  how long connecting may take.
     */
    public PetrelPushPullTrial(
        final int messageLength, final String idleStrategy, final PetrelReceive receive, final Duration setupTimeout)
    {
        this("tcp://127.0.0.1:0", messageLength, idleStrategy, receive, setupTimeout);
    }

    /**
     * Binds the puller at an endpoint, connects a pusher to it and waits for the connection.
     *
     * @param endpoint      where the puller binds ({@code tcp://127.0.0.1:0}, {@code aeron:udp?endpoint=...}, ...).
     * @param messageLength payload bytes per message.
     * @param idleStrategy  the node's I/O idle strategy.
     * @param receive       which callback counts.
     * @param setupTimeout  how long connecting may take.
     */
    public PetrelPushPullTrial(
        final String endpoint,
        final int messageLength,
        final String idleStrategy,
        final PetrelReceive receive,
        final Duration setupTimeout)
    {
        payload = new UnsafeBuffer(TrialSupport.filled(messageLength));
        node = Node.create(new NodeContext().idleStrategy(idleStrategy));
        try
        {
            final Puller puller = node.puller();
            if (PetrelReceive.BUFFER == receive)
            {
                puller.bufferHandler((buffer, offset, length) -> counter.countIf(length == messageLength));
            }
            else
            {
                puller.handler(message -> counter.countIf(message.payload().length == messageLength));
            }
            pusher = node.pusher();
            pusher.connect(puller.bind(endpoint));
            TrialSupport.awaitPeer(pusher::peerCount, setupTimeout, "Petrel pusher");
        }
        catch (final RuntimeException ex)
        {
            node.close();
            throw ex;
        }
    }

    @Override
    public Measurement run(final PassPlan plan)
    {
        pusher.sendTimeout(Duration.ofNanos(plan.timeCapNs()));
        return counter.measure(plan, this::send);
    }

    private long send(final long messages, final long deadlineNs)
    {
        final int length = payload.capacity();
        long sent = 0;
        while (sent < messages)
        {
            pusher.send(payload, 0, length);
            sent++;
            if (0 == sent % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
            {
                break;
            }
        }
        return sent;
    }

    @Override
    public void close()
    {
        node.close();
    }
}
