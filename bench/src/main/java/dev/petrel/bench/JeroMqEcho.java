package dev.petrel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.zeromq.ZMQ;

/**
 * The replying thread of a JeroMQ request/reply trial: receives each message (all its frames) on a REP or ROUTER
 * socket and sends the same frames back, so a REP echoes the payload and a ROUTER echoes identity, delimiter and
 * payload.
 * <p>
 * The socket belongs to this thread from {@link #start()} until {@link #stop()} returns.
 */
final class JeroMqEcho implements Runnable
{
    private static final int RECEIVE_TIMEOUT_MS = 50;

    private final ZMQ.Socket socket;
    private final Thread thread;
    private final List<byte[]> frames = new ArrayList<>();
    private volatile boolean running = true;

    JeroMqEcho(final ZMQ.Socket socket)
    {
        this.socket = socket;
        socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        thread = new Thread(this, "jeromq-echo");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    @Override
    public void run()
    {
        while (running)
        {
            final byte[] first = socket.recv();
            if (null == first)
            {
                continue;
            }
            frames.clear();
            frames.add(first);
            while (socket.hasReceiveMore())
            {
                frames.add(socket.recv());
            }
            final int last = frames.size() - 1;
            for (int i = 0; i < last; i++)
            {
                socket.sendMore(frames.get(i));
            }
            socket.send(frames.get(last));
        }
    }

    /**
     * Stops the loop and waits for the thread to end, so the caller may close the socket.
     */
    void stop()
    {
        running = false;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
