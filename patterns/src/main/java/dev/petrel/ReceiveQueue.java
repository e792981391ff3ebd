package dev.petrel;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * A socket's bounded queue of received messages: the I/O thread offers, application threads take (one at a
 * time, under the queue's lock), waking a parked taker at once.
 */
final class ReceiveQueue
{
    private final OneToOneConcurrentArrayQueue<Message> queue;
    private final Runnable onRoom;
    private final Object takeLock = new Object();
    private volatile Thread waiter;
    private volatile boolean closed;

    ReceiveQueue(final int capacity, final Runnable onRoom)
    {
        this.queue = new OneToOneConcurrentArrayQueue<>(Math.max(2, capacity));
        this.onRoom = onRoom;
    }

    boolean offer(final Message message)
    {
        if (!queue.offer(message))
        {
            return false;
        }
        VarHandle.fullFence();
        final Thread t = waiter;
        if (null != t)
        {
            LockSupport.unpark(t);
        }
        return true;
    }

    Message poll()
    {
        synchronized (takeLock)
        {
            return takeOne();
        }
    }

    private Message takeOne()
    {
        final boolean wasFull = queue.remainingCapacity() == 0;
        final Message message = queue.poll();
        if (null != message && wasFull)
        {
            onRoom.run();
        }
        return message;
    }

    Message take(final long timeoutNs)
    {
        final long deadline = System.nanoTime() + timeoutNs;
        synchronized (takeLock)
        {
            Message message = takeOne();
            int spins = 0;
            while (null == message)
            {
                if (closed)
                {
                    throw new SocketClosedException("socket closed while receiving");
                }
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return null;
                }
                if (++spins < 200)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    parkUntil(left);
                }
                message = takeOne();
            }
            return message;
        }
    }

    private void parkUntil(final long leftNs)
    {
        waiter = Thread.currentThread();
        try
        {
            if (queue.isEmpty() && !closed)
            {
                LockSupport.parkNanos(this, Math.min(leftNs, 100_000_000L));
            }
        }
        finally
        {
            waiter = null;
        }
        if (Thread.interrupted())
        {
            Thread.currentThread().interrupt();
            throw new PetrelInterruptedException("receive");
        }
    }

    void close()
    {
        closed = true;
        final Thread t = waiter;
        if (null != t)
        {
            LockSupport.unpark(t);
        }
    }
}
