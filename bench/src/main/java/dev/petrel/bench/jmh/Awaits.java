package dev.petrel.bench.jmh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits in benchmark set-up for sockets to connect and subscriptions to arrive.
 */
final class Awaits
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private Awaits()
    {
    }

    /**
     * @param condition what to wait for.
     * @param what      named in the exception when it does not happen in time.
     * @throws IllegalStateException after 30 seconds.
     */
    static void until(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
