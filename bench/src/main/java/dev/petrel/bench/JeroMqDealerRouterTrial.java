package dev.petrel.bench;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ DEALER/ROUTER over TCP in one context with one I/O thread, the pipelined peer of REQ/REP: the calling thread
 * sends requests on a DEALER (an empty delimiter frame, then the payload, as REQ would frame them) and reads the
 * replies on the same socket, keeping a window in flight; a ROUTER on its own thread echoes identity, delimiter and
 * payload.
 */
public final class JeroMqDealerRouterTrial implements PipelinedTrial
{
    private static final byte[] DELIMITER = new byte[0];
    private static final int RECEIVE_TIMEOUT_MS = 100;

    private final byte[] payload;
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket dealer;
    private final JeroMqEcho echo;

    /**
     * Binds ROUTER, connects DEALER and completes one round trip.
     *
     * @param messageLength  payload bytes per request and reply.
     * @param setupTimeoutMs how long the first round trip may take.
     */
    public JeroMqDealerRouterTrial(final int messageLength, final long setupTimeoutMs)
    {
        payload = TrialSupport.filled(messageLength);
        context.setLinger(0);
        try
        {
            final ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            final int port = router.bindToRandomPort("tcp://127.0.0.1");
            echo = new JeroMqEcho(router);
            echo.start();
            dealer = context.createSocket(SocketType.DEALER);
            dealer.setReceiveTimeOut((int)Math.min(Integer.MAX_VALUE, setupTimeoutMs));
            dealer.connect("tcp://127.0.0.1:" + port);
            send();
            if (!receive())
            {
                throw new IllegalStateException("JeroMQ ROUTER did not answer within " + setupTimeoutMs + " ms");
            }
            dealer.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        }
        catch (final RuntimeException ex)
        {
            context.close();
            throw ex;
        }
    }

    @Override
    public Measurement run(final PassPlan plan, final int inFlight)
    {
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + plan.timeCapNs();
        final long total = plan.messages();
        long sent = 0;
        long received = 0;
        while (sent < Math.min(inFlight, total))
        {
            send();
            sent++;
        }
        while (received < sent && System.nanoTime() - deadlineNs < 0)
        {
            if (!receive())
            {
                continue;
            }
            received++;
            if (sent < total)
            {
                send();
                sent++;
            }
        }
        return new Measurement(sent, received, System.nanoTime() - startNs, received < total);
    }

    private void send()
    {
        dealer.sendMore(DELIMITER);
        dealer.send(payload);
    }

    private boolean receive()
    {
        final byte[] delimiter = dealer.recv();
        if (null == delimiter)
        {
            return false;
        }
        while (dealer.hasReceiveMore())
        {
            dealer.recv();
        }
        return true;
    }

    @Override
    public void close()
    {
        echo.stop();
        context.close();
    }
}
