package dev.petrel.bench;

import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.Message;

/**
 * NATS core request/reply through a local nats-server: the calling thread sends with
 * {@link Connection#request(String, byte[], Duration)} on one connection; a replier on another connection echoes
 * each request to its reply subject from its {@link io.nats.client.Dispatcher}'s thread.
 */
public final class NatsReqRepTrial implements RoundTripTrial
{
    private static final String SUBJECT = "bench.echo";

    private final byte[] payload;
    private final Connection replier;
    private final Connection requester;

    /**
     * Connects both sides and completes one round trip.
     *
     * @param url           the server.
     * @param messageLength payload bytes per request and reply.
     * @param setupTimeout  how long connecting and the first round trip may take.
     */
    public NatsReqRepTrial(final String url, final int messageLength, final Duration setupTimeout)
    {
        payload = TrialSupport.filled(messageLength);
        replier = NatsConnections.open(url, setupTimeout);
        Connection requesting = null;
        try
        {
            replier.createDispatcher(request -> replier.publish(request.getReplyTo(), request.getData()))
                .subscribe(SUBJECT);
            NatsConnections.flush(replier, setupTimeout);
            requesting = NatsConnections.open(url, setupTimeout);
            if (!roundTrip(requesting, setupTimeout))
            {
                throw new IllegalStateException(
                    "NATS replier did not answer within " + setupTimeout.toMillis() + " ms");
            }
        }
        catch (final RuntimeException ex)
        {
            NatsConnections.close(requesting);
            NatsConnections.close(replier);
            throw ex;
        }
        requester = requesting;
    }

    @Override
    public boolean roundTrip(final long deadlineNs)
    {
        return roundTrip(requester, Duration.ofNanos(Math.max(1, deadlineNs - System.nanoTime())));
    }

    private boolean roundTrip(final Connection connection, final Duration timeout)
    {
        try
        {
            final Message reply = connection.request(SUBJECT, payload, timeout);
            return null != reply;
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
        NatsConnections.close(requester);
        NatsConnections.close(replier);
    }
}
