package dev.petrel.bench;

import java.time.Duration;

import dev.petrel.BackPressurePolicy;
import dev.petrel.Node;
import dev.petrel.NodeConfiguration;
import dev.petrel.NodeContext;
import dev.petrel.Publisher;
import dev.petrel.Subscriber;
import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Petrel pub/sub in one node, over TCP unless another endpoint is given, with one subscriber (or several): the
 * calling thread publishes with the allocation-free
 * {@link Publisher#publish(String, org.agrona.DirectBuffer, int, int)}; the subscription's callback (zero-copy
 * buffer view or {@link dev.petrel.Message}) counts on the node's I/O thread. The publisher keeps its
 * default drop-newest policy unless told otherwise, with a send high-water mark (and an outbound buffer big enough
 * to hold it) shared with the JeroMQ trial; what it drops shows up as lost.
 */
public final class PetrelPubSubTrial implements ThroughputTrial
{
    static final String SUBJECT = "bench.data";
    private static final String PATTERN = "bench.>";
    private static final int ENCODING_OVERHEAD = 64;

    private final ReceiveCounter counter = new ReceiveCounter();
    private final int subscribers;
    private final UnsafeBuffer payload;
    private final Node node;
    private final Publisher publisher;

    /**
     * Connects a subscriber to a publisher and waits until its subscription reached the publisher.
     *
     * @param messageLength     payload bytes per message.
     * @param idleStrategy      the node's I/O idle strategy.
     * @param sendHighWaterMark messages the publisher queues for the subscriber before dropping.
     * @param receive           which callback counts.
     * @param setupTimeout      how long connecting may take.
     */
    public PetrelPubSubTrial(
        final int messageLength,
        final String idleStrategy,
        final int sendHighWaterMark,
        final PetrelReceive receive,
        final Duration setupTimeout)
    {
        this(messageLength, idleStrategy, sendHighWaterMark, receive, setupTimeout, 1);
    }

    /**
     * Connects several subscribers (each its own socket and connection) to a publisher and waits until every
     * subscription reached it. A pass counts deliveries: each message once per subscriber.
     *
     * @param messageLength     payload bytes per message.
     * @param idleStrategy      the node's I/O idle strategy.
     * @param sendHighWaterMark messages the publisher queues for each subscriber before dropping.
     * @param receive           which callback counts.
     * @param setupTimeout      how long connecting may take.
     * @param subscribers       how many subscribers.
     */
    public PetrelPubSubTrial(
        final int messageLength,
        final String idleStrategy,
        final int sendHighWaterMark,
        final PetrelReceive receive,
        final Duration setupTimeout,
        final int subscribers)
    {
        this("tcp://127.0.0.1:0", messageLength, idleStrategy, sendHighWaterMark, receive, setupTimeout, subscribers);
    }

    /**
     * Binds the publisher at an endpoint, connects several subscribers to it and waits until every subscription
     * reached it. A pass counts deliveries: each message once per subscriber.
     *
     * @param endpoint          where the publisher binds ({@code tcp://127.0.0.1:0}, {@code aeron:udp?endpoint=...}).
     * @param messageLength     payload bytes per message.
     * @param idleStrategy      the node's I/O idle strategy.
     * @param sendHighWaterMark messages the publisher queues for each subscriber before dropping.
     * @param receive           which callback counts.
     * @param setupTimeout      how long connecting may take.
     * @param subscribers       how many subscribers.
     */
    public PetrelPubSubTrial(
        final String endpoint,
        final int messageLength,
        final String idleStrategy,
        final int sendHighWaterMark,
        final PetrelReceive receive,
        final Duration setupTimeout,
        final int subscribers)
    {
        this(endpoint, messageLength, idleStrategy, sendHighWaterMark, BackPressurePolicy.DROP_NEWEST, receive,
            setupTimeout, subscribers);
    }

    /**
     * Binds the publisher at an endpoint with a back-pressure policy, connects several subscribers to it and waits
     * until every subscription reached it. A pass counts deliveries: each message once per subscriber.
     *
     * @param endpoint          where the publisher binds ({@code tcp://127.0.0.1:0}, {@code aeron:udp?endpoint=...}).
     * @param messageLength     payload bytes per message.
     * @param idleStrategy      the node's I/O idle strategy.
     * @param sendHighWaterMark messages the publisher queues for each subscriber before its policy applies.
     * @param policy            what the publisher does at the high-water mark.
     * @param receive           which callback counts.
     * @param setupTimeout      how long connecting may take.
     * @param subscribers       how many subscribers.
     */
    public PetrelPubSubTrial(
        final String endpoint,
        final int messageLength,
        final String idleStrategy,
        final int sendHighWaterMark,
        final BackPressurePolicy policy,
        final PetrelReceive receive,
        final Duration setupTimeout,
        final int subscribers)
    {
        this.subscribers = subscribers;
        payload = new UnsafeBuffer(TrialSupport.filled(messageLength));
        final long queueBytes = (long)sendHighWaterMark * (messageLength + ENCODING_OVERHEAD);
        final int pipeBufferLength = BitUtil.findNextPositivePowerOfTwo(
            (int)Math.max(NodeConfiguration.PIPE_BUFFER_LENGTH_DEFAULT, Math.min(1 << 30, queueBytes)));
        node = Node.create(new NodeContext().idleStrategy(idleStrategy).pipeBufferLength(pipeBufferLength));
        try
        {
            publisher = node.publisher().sendHighWaterMark(sendHighWaterMark).backPressure(policy);
            final String bound = publisher.bind(endpoint);
            for (int i = 0; i < subscribers; i++)
            {
                subscribe(node.subscriber(), bound, messageLength, receive);
            }
            if (!publisher.awaitSubscribers(subscribers, setupTimeout))
            {
                throw new IllegalStateException(
                    "Petrel subscriber did not subscribe within " + setupTimeout.toMillis() + " ms");
            }
        }
        catch (final RuntimeException ex)
        {
            node.close();
            throw ex;
        }
    }

    private void subscribe(
        final Subscriber subscriber, final String endpoint, final int messageLength, final PetrelReceive receive)
    {
        subscriber.connect(endpoint);
        if (PetrelReceive.BUFFER == receive)
        {
            subscriber.subscribe(PATTERN, (buffer, offset, length) -> counter.countIf(length == messageLength));
        }
        else
        {
            subscriber.subscribe(PATTERN, message -> counter.countIf(message.payload().length == messageLength));
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
        while (sent < messages)
        {
            publisher.publish(SUBJECT, payload, 0, length);
            sent++;
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
        node.close();
    }
}
