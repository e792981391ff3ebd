package dev.petrel.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ PUB/SUB over TCP in one context with one I/O thread and one subscriber: the calling thread sends a subject
 * frame and a payload frame ({@link ZMQ.Socket#sendMore(byte[])}, {@link ZMQ.Socket#send(byte[])}), as Petrel's
 * publisher does on the wire; a receiving thread counts with {@link ZMQ.Socket#recv()}. PUB drops for a subscriber
 * at its high-water mark, which both sockets share with the Petrel trial; what it drops shows up as lost.
 */
public final class JeroMqPubSubTrial implements ThroughputTrial
{
    private static final byte[] SUBJECT = PetrelPubSubTrial.SUBJECT.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREFIX = "bench.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROBE = new byte[0];

    private final ReceiveCounter counter = new ReceiveCounter();
    private final byte[] payload;
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket pub;
    private final JeroMqReceiver receiver;

    /**
     * Connects a SUB socket to a PUB socket and publishes probes until one reaches the subscriber.
     *
     * @param messageLength     payload bytes per message.
     * @param sendHighWaterMark messages queued for the subscriber before PUB drops (also SUB's receive mark).
     * @param setupTimeout      how long connecting may take.
     */
    public JeroMqPubSubTrial(final int messageLength, final int sendHighWaterMark, final Duration setupTimeout)
    {
        payload = TrialSupport.filled(messageLength);
        context.setLinger(0);
        try
        {
            pub = context.createSocket(SocketType.PUB);
            pub.setSndHWM(sendHighWaterMark);
            final int port = pub.bindToRandomPort("tcp://127.0.0.1");
            final ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            sub.setRcvHWM(sendHighWaterMark);
            sub.subscribe(PREFIX);
            sub.connect("tcp://127.0.0.1:" + port);
            receiver = new JeroMqReceiver(sub, counter, messageLength, true);
            receiver.start();
            receiver.awaitProbe(this::probe, setupTimeout);
        }
        catch (final RuntimeException ex)
        {
            context.close();
            throw ex;
        }
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
        return sent;
    }

    @Override
    public void close()
    {
        receiver.stop();
        context.close();
    }
}
