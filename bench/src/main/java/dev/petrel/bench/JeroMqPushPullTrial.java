package dev.petrel.bench;

import java.time.Duration;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ PUSH/PULL over TCP in one context with one I/O thread: the calling thread sends with
 * {@link ZMQ.Socket#send(byte[])}; a receiving thread counts with {@link ZMQ.Socket#recv()}. Both sockets keep
 * JeroMQ's default high-water marks.
 */
public final class JeroMqPushPullTrial implements ThroughputTrial
{
    private static final byte[] PROBE = new byte[0];

    private final ReceiveCounter counter = new ReceiveCounter();
    private final byte[] payload;
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket push;
    private final JeroMqReceiver receiver;

    /**
     * Connects a PUSH socket to a PULL socket and waits until a probe message got through.
     *
     * @param messageLength payload bytes per message.
     * @param setupTimeout  how long connecting may take.
     */
    public JeroMqPushPullTrial(final int messageLength, final Duration setupTimeout)
    {
        payload = TrialSupport.filled(messageLength);
        context.setLinger(0);
        try
        {
            final ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            final int port = pull.bindToRandomPort("tcp://127.0.0.1");
            push = context.createSocket(SocketType.PUSH);
            push.connect("tcp://127.0.0.1:" + port);
            receiver = new JeroMqReceiver(pull, counter::increment, messageLength, false);
            receiver.start();
            push.setSendTimeOut((int)setupTimeout.toMillis());
            receiver.awaitProbe(() -> push.send(PROBE), setupTimeout);
        }
        catch (final RuntimeException ex)
        {
            context.close();
            throw ex;
        }
    }

    @Override
    public Measurement run(final PassPlan plan)
    {
        push.setSendTimeOut((int)Math.min(Integer.MAX_VALUE, Duration.ofNanos(plan.timeCapNs()).toMillis()));
        return counter.measure(plan, this::send);
    }

    private long send(final long messages, final long deadlineNs)
    {
        long sent = 0;
        while (sent < messages && push.send(payload))
        {
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
