package dev.petrel.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the messages a receiving thread gets and times a pass by them. The receiving thread calls
 * {@link #increment()} (one writer only), or several receiving threads all call {@link #incrementShared()};
 * the thread running the pass reads the count. The pass ends when every
 * sent message has arrived, when nothing has arrived for {@link #QUIET_NS} after the sender finished (the rest
 * were lost), or at the time cap; the pass's time runs to the last change the counter saw.
 */
public final class ReceiveCounter
{
    /** How long the count may stay unchanged after sending before the missing messages count as lost. */
    public static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(250);

    private static final long POLL_NS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long DRAIN_GRACE_NS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong count = new AtomicLong();

    /**
     * Counts one message; called by the single receiving thread.
     */
    public void increment()
    {
        count.setRelease(count.getPlain() + 1);
    }

    /**
     * Counts one message; safe from several receiving threads as long as none uses {@link #increment()}.
     */
    public void incrementShared()
    {
        count.getAndIncrement();
    }

    /**
     * Counts one message when it is one of the pass's (probes and other traffic are not).
     *
     * @param counted true for a pass's message.
     */
    public void countIf(final boolean counted)
    {
        if (counted)
        {
            increment();
        }
    }

    /**
     * @return messages counted so far.
     */
    public long count()
    {
        return count.getAcquire();
    }

    /**
     * Runs one pass: sends on this thread, then waits for the receiver.
     *
     * @param plan   how many messages and how long at most.
     * @param sender the library's send loop.
     * @return what the pass saw.
     */
    public Measurement measure(final PassPlan plan, final MessageSender sender)
    {
        final long base = count();
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + plan.timeCapNs();
        final long sent = sender.send(plan.messages(), deadlineNs);
        final long sentNs = System.nanoTime();
        final long waitUntilNs = Math.max(deadlineNs, sentNs + DRAIN_GRACE_NS);
        long seen = count() - base;
        long lastChangeNs = sentNs;
        boolean timedOut = false;
        while (seen < sent)
        {
            final long nowNs = System.nanoTime();
            if (nowNs - waitUntilNs > 0)
            {
                timedOut = true;
                break;
            }
            if (nowNs - lastChangeNs > QUIET_NS)
            {
                break;
            }
            LockSupport.parkNanos(POLL_NS);
            final long current = count() - base;
            if (current != seen)
            {
                seen = current;
                lastChangeNs = System.nanoTime();
            }
        }
        return new Measurement(sent, seen, lastChangeNs - startNs, timedOut || sent < plan.messages());
    }
}
