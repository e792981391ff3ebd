package dev.petrel.bench;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ REQ/REP over TCP in one context with one I/O thread: REQ on the calling thread, REP echoing on its own
 * thread. REQ is lock-step by definition: one request in flight, the next only after the reply, so a pipelined pass
 * runs with one in flight whatever the caller asks.
 */
public final class JeroMqReqRepTrial implements RoundTripTrial, PipelinedTrial
{
    private static final int RECEIVE_TIMEOUT_MS = 100;
    private static final long REPLY_GRACE_NS = 1_000_000_000L;

    private final byte[] payload;
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket req;
    private final JeroMqEcho echo;

    /**
     * Binds REP, connects REQ and completes one round trip.
     *
     * @param messageLength payload bytes per request and reply.
     * @param setupTimeoutMs how long the first round trip may take.
     */
    public JeroMqReqRepTrial(final int messageLength, final long setupTimeoutMs)
    {
        payload = TrialSupport.filled(messageLength);
        context.setLinger(0);
        try
        {
            final ZMQ.Socket rep = context.createSocket(SocketType.REP);
            final int port = rep.bindToRandomPort("tcp://127.0.0.1");
            echo = new JeroMqEcho(rep);
            echo.start();
            req = context.createSocket(SocketType.REQ);
            req.setReceiveTimeOut((int)Math.min(Integer.MAX_VALUE, setupTimeoutMs));
            req.connect("tcp://127.0.0.1:" + port);
            if (!req.send(payload) || null == req.recv())
            {
                throw new IllegalStateException("JeroMQ REP did not answer within " + setupTimeoutMs + " ms");
            }
            req.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        }
        catch (final RuntimeException ex)
        {
            context.close();
            throw ex;
        }
    }

    /**
     * Sends one request and waits for its reply, past the deadline by up to a second if need be: a REQ socket
     * that gave up on a reply could not send again.
     */
    @Override
    public boolean roundTrip(final long deadlineNs)
    {
        req.send(payload);
        final long giveUpNs = deadlineNs + REPLY_GRACE_NS;
        while (null == req.recv())
        {
            if (System.nanoTime() - giveUpNs > 0)
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public Measurement run(final PassPlan plan, final int inFlight)
    {
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + plan.timeCapNs();
        long done = 0;
        while (done < plan.messages() && roundTrip(deadlineNs))
        {
            done++;
        }
        return new Measurement(done, done, System.nanoTime() - startNs, done < plan.messages());
    }

    @Override
    public void close()
    {
        echo.stop();
        context.close();
    }
}
