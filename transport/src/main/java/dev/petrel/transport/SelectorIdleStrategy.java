package dev.petrel.transport;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.IdleStrategy;

/**
 * Idles the I/O thread: a few more duty cycles, then a block in {@link Selector#select(long)} so that both
 * arriving bytes and {@link Selector#wakeup()} from a sending thread end the idle period at once.
 * <p>
 * The spin phase is short on purpose: every idle duty cycle makes a system call, and on a 2-core machine a thread
 * that spins (or yields) takes the core the peer's thread needs. Measured on 2 cores: TCP request/reply p50 went
 * from 110–270 µs with 200 spins and 50 yields to 40–60 µs with 20 spins and no yields.
 * <p>
 * Aeron traffic from another process cannot end a block (the media driver owns its sockets and shared memory), so
 * while Aeron is in use the backoff strategy parks for {@link #AERON_PARK_NS} at a time after its spins, and only
 * after {@link #AERON_SHORT_PARKS_NS} without work blocks in the selector for a millisecond at a time, which costs
 * a fraction of the CPU of short parks. A sending thread in this process ends a park or a block at once through
 * {@link IoAgent#wake()}. There is no polling window before parking: on 2 loaded cores a polling I/O thread
 * takes the core the sending thread needs (Aeron IPC ping-pong p50 rose from 2–4 µs to 63 µs with a 50 µs window).
 */
final class SelectorIdleStrategy implements IdleStrategy
{
    /** How long the backoff strategy parks at a time while Aeron is in use, in the first idle milliseconds. */
    static final long AERON_PARK_NS = 100_000;
    /** How long the backoff strategy parks in short steps before it blocks in the selector. */
    static final long AERON_SHORT_PARKS_NS = 2_000_000;

    private static final long MAX_BLOCK_MS = 100;

    private final IoAgent agent;
    private final int spins;
    private final boolean shortParksForAeron;
    private int idleCount;
    private long idleStartNs;

    SelectorIdleStrategy(final IoAgent agent, final IdleStrategies kind)
    {
        this.agent = agent;
        switch (kind)
        {
            case BUSY_SPIN:
                spins = Integer.MAX_VALUE;
                break;
            case SLEEPING:
                spins = 0;
                break;
            default:
                spins = 20;
                break;
        }
        shortParksForAeron = IdleStrategies.BACKOFF == kind;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (idleCount < spins)
        {
            if (0 == idleCount++)
            {
                idleStartNs = System.nanoTime();
            }
            Thread.onSpinWait();
        }
        else if (shortParksForAeron && agent.pollsAeron())
        {
            idleForAeron(System.nanoTime() - idleStartNs);
        }
        else
        {
            block();
        }
    }

    private void idleForAeron(final long idleNs)
    {
        if (idleNs < AERON_SHORT_PARKS_NS)
        {
            park();
        }
        else
        {
            block();
        }
    }

    private void park()
    {
        agent.blockedIn(IoAgent.PARKED);
        try
        {
            if (!agent.hasImmediateWork())
            {
                LockSupport.parkNanos(AERON_PARK_NS);
            }
        }
        finally
        {
            agent.blockedIn(IoAgent.AWAKE);
        }
    }

    private void block()
    {
        final Selector selector = agent.selector();
        agent.blockedIn(IoAgent.SELECTING);
        try
        {
            if (!agent.hasImmediateWork())
            {
                selector.select(Math.max(1, Math.min(MAX_BLOCK_MS, agent.millisToNextTimer())));
            }
        }
        catch (final IOException ex)
        {
            agent.onError(ex);
        }
        finally
        {
            agent.blockedIn(IoAgent.AWAKE);
        }
    }

    @Override
    public void reset()
    {
        idleCount = 0;
    }

    @Override
    public String alias()
    {
        return "selector";
    }
}
