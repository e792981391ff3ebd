package dev.petrel.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.Node;
import dev.petrel.NodeContext;
import dev.petrel.Puller;
import dev.petrel.Pusher;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Petrel ping-pong in one node over two push/pull links of the same medium: the calling thread sends a ping with
 * {@link Pusher#send(org.agrona.DirectBuffer, int, int)}; the pong puller's zero-copy callback (on the node's I/O
 * thread) sends it straight back on a second pusher; the return puller's callback bumps a counter the calling thread
 * spins on. The same work as a raw Aeron ping/pong, through Petrel's sockets and I/O thread.
 */
public final class PetrelPingPongTrial implements RoundTripTrial
{
    private final UnsafeBuffer payload;
    private final AtomicLong arrivals = new AtomicLong();
    private final Node node;
    private final Pusher ping;

    /**
     * Binds both pullers, connects both pushers and waits for both links.
     *
     * @param pingEndpoint  where the pong puller binds (port 0 or a fresh IPC stream id).
     * @param pongEndpoint  where the return puller binds.
     * @param messageLength payload bytes per ping.
     * @param idleStrategy  the node's I/O idle strategy.
     * @param setupTimeout  how long connecting may take.
     */
    public PetrelPingPongTrial(
        final String pingEndpoint,
        final String pongEndpoint,
        final int messageLength,
        final String idleStrategy,
        final Duration setupTimeout)
    {
        payload = new UnsafeBuffer(TrialSupport.filled(messageLength));
        node = Node.create(new NodeContext().idleStrategy(idleStrategy));
        try
        {
            final Puller back = node.puller();
            back.bufferHandler((buffer, offset, length) -> arrivals.setRelease(arrivals.getPlain() + 1));
            final Pusher pong = node.pusher();
            pong.connect(back.bind(pongEndpoint));
            final Puller echo = node.puller();
            echo.bufferHandler(pong::send);
            ping = node.pusher();
            ping.connect(echo.bind(pingEndpoint));
            TrialSupport.awaitPeer(pong::peerCount, setupTimeout, "Petrel pong pusher");
            TrialSupport.awaitPeer(ping::peerCount, setupTimeout, "Petrel ping pusher");
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
        final long target = arrivals.getPlain() + 1;
        ping.send(payload, 0, payload.capacity());
        int spins = 0;
        while (arrivals.getAcquire() < target)
        {
            if (0 == ++spins % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Override
    public void close()
    {
        node.close();
    }
}
