package dev.petrel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import io.nats.client.Connection;

/**
 * NATS core pub/sub through a local nats-server: the calling thread publishes with
 * {@link Connection#publish(String, byte[])} on one connection; each subscriber has its own connection and counts
 * in its {@link io.nats.client.Dispatcher}'s thread. Every published message is one delivery per subscriber; the
 * pass counts deliveries. The client's defaults stay: the publisher waits when its outgoing queue (5,000 messages)
 * is full, and a subscriber past its pending limits drops (counted as lost).
 */
public final class NatsPubSubTrial implements ThroughputTrial
{
    private static final byte[] PROBE = new byte[0];

    private final ReceiveCounter counter = new ReceiveCounter();
    private final byte[] payload;
    private final int subscribers;
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicIntegerArray probed;
    private final Connection publisher;

    /**
     * Connects the subscribers and the publisher and publishes probes until every subscriber got one.
     *
     * @param url           the server.
     * @param messageLength payload bytes per message.
     * @param subscribers   how many subscriber connections.
     * @param setupTimeout  how long connecting may take.
     */
    public NatsPubSubTrial(
        final String url, final int messageLength, final int subscribers, final Duration setupTimeout)
    {
        payload = TrialSupport.filled(messageLength);
        this.subscribers = subscribers;
        probed = new AtomicIntegerArray(subscribers);
        try
        {
            for (int i = 0; i < subscribers; i++)
            {
                final int index = i;
                final Connection connection = NatsConnections.open(url, setupTimeout);
                connections.add(connection);
                connection.createDispatcher(message -> onMessage(index, message.getData().length))
                    .subscribe(PetrelPubSubTrial.SUBJECT);
            }
            publisher = NatsConnections.open(url, setupTimeout);
            connections.add(publisher);
            awaitProbes(setupTimeout);
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    private void onMessage(final int subscriber, final int length)
    {
        if (length == payload.length)
        {
            counter.incrementShared();
        }
        else
        {
            probed.set(subscriber, 1);
        }
    }

    private void awaitProbes(final Duration timeout)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < subscribers; i++)
        {
            while (0 == probed.get(i))
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    throw new IllegalStateException("NATS subscriber did not subscribe within " +
                        timeout.toMillis() + " ms");
                }
                publisher.publish(PetrelPubSubTrial.SUBJECT, PROBE);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    @Override
    public Measurement run(final PassPlan plan)
    {
        return counter.measure(plan, this::send);
    }

    private long send(final long messages, final long deadlineNs)
    {
        long sent = 0;
        while (sent < messages)
        {
            try
            {
                publisher.publish(PetrelPubSubTrial.SUBJECT, payload);
                sent++;
            }
            catch (final IllegalStateException full)
            {
                Thread.onSpinWait();
            }
            if (0 == sent % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
            {
                break;
            }
        }
        return sent * subscribers;
    }

    @Override
    public void close()
    {
        for (final Connection connection : connections)
        {
            NatsConnections.close(connection);
        }
    }
}
