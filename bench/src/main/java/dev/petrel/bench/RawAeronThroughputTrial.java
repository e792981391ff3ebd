package dev.petrel.bench;

import java.time.Duration;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Raw Aeron one-way throughput on a {@link RawAeronNode}: the calling thread offers on an exclusive publication,
 * spinning while the publication is back-pressured (nothing is lost); the node's duty thread polls the subscription
 * and counts, as a Petrel puller's callback counts on the I/O thread.
 */
public final class RawAeronThroughputTrial implements ThroughputTrial
{
    private static final int FRAGMENT_LIMIT = 64;

    private final ReceiveCounter counter = new ReceiveCounter();
    private final UnsafeBuffer payload;
    private final RawAeronNode node;
    private final Publication publication;

    /**
     * Starts the node, adds the stream and waits until it connects.
     *
     * @param medium        UDP or IPC.
     * @param messageLength payload bytes per message.
     * @param idleSetting   the Petrel idle strategy whose match the duty thread uses.
     * @param setupTimeout  how long connecting may take.
     */
    public RawAeronThroughputTrial(
        final AeronMedium medium, final int messageLength, final String idleSetting, final Duration setupTimeout)
    {
        payload = new UnsafeBuffer(TrialSupport.filled(messageLength));
        node = new RawAeronNode(idleSetting);
        try
        {
            final String channel = medium.rawChannel();
            final int stream = AeronProbe.nextStreamId();
            final Subscription subscription = node.aeron().addSubscription(channel, stream);
            publication = node.aeron().addExclusivePublication(channel, stream);
            node.awaitConnected(setupTimeout, new Publication[]{ publication }, new Subscription[]{ subscription });
            final FragmentHandler count = (buffer, offset, length, header) -> counter.increment();
            node.start(() -> subscription.poll(count, FRAGMENT_LIMIT));
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
        return counter.measure(plan, this::send);
    }

    private long send(final long messages, final long deadlineNs)
    {
        final int length = payload.capacity();
        long sent = 0;
        int spins = 0;
        while (sent < messages)
        {
            if (publication.offer(payload, 0, length) > 0)
            {
                sent++;
            }
            else
            {
                Thread.onSpinWait();
            }
            if (0 == ++spins % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
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
