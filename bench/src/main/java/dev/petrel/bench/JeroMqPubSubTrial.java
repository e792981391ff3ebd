package dev.petrel.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ PUB/SUB over TCP in one context with one I/O thread and one subscriber (or several): the calling thread
 * sends a subject frame and a payload frame ({@link ZMQ.Socket#sendMore(byte[])}, {@link ZMQ.Socket#send(byte[])}),
 * as Petrel's publisher does on the wire; each SUB socket has its own receiving thread counting with
 * {@link ZMQ.Socket#recv()}. PUB drops for a subscriber at its high-water mark, which every socket shares with the
 * Petrel trial; what it drops shows up as lost. A pass counts deliveries: each message once per subscriber.
 */
public final class JeroMqPubSubTrial implements ThroughputTrial
{
    private static final byte[] SUBJECT = PetrelPubSubTrial.SUBJECT.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREFIX = "bench.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROBE = new byte[0];

    private final ReceiveCounter counter = new ReceiveCounter();
    private final List<JeroMqReceiver> receivers = new ArrayList<>();
    private final byte[] payload;
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket pub;

    /**
     * Connects a SUB socket to a PUB socket and publishes probes until one reaches the subscriber.
     *
     * @param messageLength     payload bytes per message.
     * @param sendHighWaterMark messages queued for the subscriber before PUB drops (also SUB's receive mark).
     * @param setupTimeout      how long connecting may take.
     */
    public JeroMqPubSubTrial(final int messageLength, final int sendHighWaterMark, final Duration setupTimeout)
    {
        this(messageLength, sendHighWaterMark, setupTimeout, 1);
    }

    /**
     * Connects several SUB sockets to a PUB socket and publishes probes until one reached every subscriber.
     *
     * @param messageLength     payload bytes per message.
     * @param sendHighWaterMark messages queued for each subscriber before PUB drops (also SUB's receive mark).
     * @param setupTimeout      how long connecting may take, per subscriber.
     * @param subscribers       how many SUB sockets, each with its own receiving thread.
     */
    public JeroMqPubSubTrial(
        final int messageLength, final int sendHighWaterMark, final Duration setupTimeout, final int subscribers)
    {
        payload = TrialSupport.filled(messageLength);
        context.setLinger(0);
        try
        {
            pub = context.createSocket(SocketType.PUB);
            pub.setSndHWM(sendHighWaterMark);
            final String endpoint = "tcp://127.0.0.1:" + pub.bindToRandomPort("tcp://127.0.0.1");
            final Runnable count = 1 == subscribers ? counter::increment : counter::incrementShared;
            for (int i = 0; i < subscribers; i++)
            {
                receivers.add(subscribe(endpoint, sendHighWaterMark, count, messageLength));
            }
            for (final JeroMqReceiver receiver : receivers)
            {
                receiver.awaitProbe(this::probe, setupTimeout);
            }
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    private JeroMqReceiver subscribe(
        final String endpoint, final int highWaterMark, final Runnable count, final int messageLength)
    {
        final ZMQ.Socket sub = context.createSocket(SocketType.SUB);
        sub.setRcvHWM(highWaterMark);
        sub.subscribe(PREFIX);
        sub.connect(endpoint);
        final JeroMqReceiver receiver = new JeroMqReceiver(sub, count, messageLength, true);
        receiver.start();
        return receiver;
    }

    private void probe()
    {
        pub.sendMore(SUBJECT);
        pub.send(PROBE);
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
            pub.sendMore(SUBJECT);
            pub.send(payload);
            sent++;
            if (0 == sent % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
            {
                break;
            }
        }
        return sent * receivers.size();
    }

    @Override
    public void close()
    {
        for (final JeroMqReceiver receiver : receivers)
        {
            receiver.stop();
        }
        context.close();
    }
}
