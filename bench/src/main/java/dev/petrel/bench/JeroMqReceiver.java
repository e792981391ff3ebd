package dev.petrel.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.zeromq.ZMQ;

/**
 * The receiving thread of a JeroMQ trial: loops on {@link ZMQ.Socket#recv()} and counts every message whose
 * payload has the trial's length by running the trial's count action. Other messages are the trial's connection
 * probes. With {@code subjectFirst} each message is a subject frame then a payload frame, as a ZeroMQ publisher
 * sends them.
 * <p>
 * The socket belongs to this thread from {@link #start()} until {@link #stop()} returns.
 */
final class JeroMqReceiver implements Runnable
{
    private static final int RECEIVE_TIMEOUT_MS = 50;

    private final ZMQ.Socket socket;
    private final Runnable count;
    private final int messageLength;
    private final boolean subjectFirst;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean probed;

    /**
     * @param socket        the socket to receive on.
     * @param count         counts one message: {@link ReceiveCounter#increment()} when this is the trial's only
     *                      receiving thread, {@link ReceiveCounter#incrementShared()} when it is one of several.
     * @param messageLength payload bytes of a counted message.
     * @param subjectFirst  true when each message is a subject frame then a payload frame.
     */
    JeroMqReceiver(
        final ZMQ.Socket socket, final Runnable count, final int messageLength, final boolean subjectFirst)
    {
        this.socket = socket;
        this.count = count;
        this.messageLength = messageLength;
        this.subjectFirst = subjectFirst;
        socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
        thread = new Thread(this, "jeromq-receiver");
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
            byte[] body = socket.recv();
            if (null != body && subjectFirst)
            {
                body = socket.hasReceiveMore() ? socket.recv() : null;
            }
            if (null == body)
            {
                continue;
            }
            if (body.length == messageLength)
            {
                count.run();
            }
            else
            {
                probed = true;
            }
        }
    }

    /**
     * Waits until a probe arrived, calling {@code probe} every millisecond meanwhile.
     *
     * @param probe   sends one probe message.
     * @param timeout how long to wait.
     * @throws IllegalStateException at the timeout.
     */
    void awaitProbe(final Runnable probe, final Duration timeout)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!probed)
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException("JeroMQ peer did not connect within " + timeout.toMillis() + " ms");
            }
            probe.run();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
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
