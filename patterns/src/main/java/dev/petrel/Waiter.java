package dev.petrel;

import java.util.concurrent.locks.LockSupport;

/**
 * How an application thread waits in a blocking call: spin briefly, then yield, then park in growing steps.
 * Checks the interrupt flag on every step.
 */
final class Waiter
{
    private static final long MAX_PARK_NS = 100_000;

    private int step;

    void reset()
    {
        step = 0;
    }

    /**
     * @param operation named in the exception when interrupted.
     * @throws PetrelInterruptedException when the thread was interrupted.
     */
    void idle(final String operation)
    {
        if (Thread.interrupted())
        {
            Thread.currentThread().interrupt();
            throw new PetrelInterruptedException(operation);
        }
        step++;
        if (step < 100)
        {
            Thread.onSpinWait();
        }
        else if (step < 120)
        {
            Thread.yield();
        }
        else
        {
            LockSupport.parkNanos(Math.min(MAX_PARK_NS, 1000L << Math.min(10, step - 120)));
        }
    }
}
