package dev.petrel.bench;

import java.time.Duration;

import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Raw Aeron ping/pong on a {@link RawAeronNode}: the calling thread offers a ping and busy-polls the pong stream;
 * the node's duty thread (driver, client conductor and this pong, as a Petrel node's I/O thread) polls the ping
 * stream and offers each ping straight back.
 */
public final class RawAeronPingPongTrial implements RoundTripTrial
{
    private static final int FRAGMENT_LIMIT = 64;
    private static final long OFFER_TIMEOUT_NS = 1_000_000_000L;

    private final UnsafeBuffer payload;
    private final RawAeronNode node;
    private final Publication ping;
    private final Subscription pingIn;
    private final Publication pong;
    private final Subscription pongIn;
    private final FragmentHandler echo;
    private final FragmentHandler arrived;
    private long arrivals;

    /**
     * Starts the node, adds both streams and waits until they connect.
     *
     * @param medium        UDP or IPC.
     * @param messageLength payload bytes per ping.
     * @param idleSetting   the Petrel idle strategy whose match the duty thread uses.
     * @param setupTimeout  how long connecting may take.
     */
    public RawAeronPingPongTrial(
        final AeronMedium medium, final int messageLength, final String idleSetting, final Duration setupTimeout)
    {
        payload = new UnsafeBuffer(TrialSupport.filled(messageLength));
        node = new RawAeronNode(idleSetting);
        try
        {
            final String pingChannel = medium.rawChannel();
            final String pongChannel = medium.rawChannel();
            final int pingStream = AeronProbe.nextStreamId();
            final int pongStream = AeronProbe.nextStreamId();
            pingIn = node.aeron().addSubscription(pingChannel, pingStream);
            ping = node.aeron().addExclusivePublication(pingChannel, pingStream);
            pongIn = node.aeron().addSubscription(pongChannel, pongStream);
            pong = node.aeron().addExclusivePublication(pongChannel, pongStream);
            node.awaitConnected(setupTimeout, new Publication[]{ ping, pong }, new Subscription[]{ pingIn, pongIn });
            echo = (buffer, offset, length, header) -> offer(pong, buffer, offset, length);
            arrived = (buffer, offset, length, header) -> arrivals++;
            node.start(() -> pingIn.poll(echo, FRAGMENT_LIMIT));
        }
        catch (final RuntimeException ex)
        {
            node.close();
            throw ex;
        }
    }

    private void offer(
        final Publication publication, final DirectBuffer buffer, final int offset, final int length)
    {
        final long deadlineNs = System.nanoTime() + OFFER_TIMEOUT_NS;
        while (publication.offer(buffer, offset, length) < 0 && node.isRunning() &&
            System.nanoTime() - deadlineNs < 0)
        {
            Thread.onSpinWait();
        }
    }

    @Override
    public boolean roundTrip(final long deadlineNs)
    {
        final long target = arrivals + 1;
        offer(ping, payload, 0, payload.capacity());
        int spins = 0;
        while (arrivals < target)
        {
            if (0 == pongIn.poll(arrived, 1))
            {
                if (0 == ++spins % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
                {
                    return false;
                }
                Thread.onSpinWait();
            }
        }
        return true;
    }

    @Override
    public void close()
    {
        node.close();
    }
}
