package dev.petrel.bench;

import java.util.concurrent.TimeUnit;

/**
 * Physical reference for the cheapest cross-thread round trip: the calling thread writes a sequence number to a
 * volatile field and spins until an echo thread, spinning on that field (yielding once every 1,024 idle spins), has
 * copied it to a second volatile field.
 * What any design that hands a message to another thread and waits for the answer pays at least.
 */
public final class HandOffReference implements RoundTripTrial
{
    private final Thread echo;
    private volatile long ping;
    private volatile long pong;
    private volatile boolean running = true;

    /**
     * Starts the echo thread.
     */
    public HandOffReference()
    {
        echo = new Thread(this::echo, "hand-off-echo");
        echo.setDaemon(true);
        echo.start();
    }

    private void echo()
    {
        long seen = 0;
        int spins = 0;
        while (running)
        {
            final long current = ping;
            if (current != seen)
            {
                seen = current;
                pong = current;
            }
            else if (0 == ++spins % MessageSender.CLOCK_CHECK_INTERVAL)
            {
                Thread.yield();
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public boolean roundTrip(final long deadlineNs)
    {
        final long next = ping + 1;
        ping = next;
        int spins = 0;
        while (pong != next)
        {
            if (0 == ++spins % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Override
    public void close()
    {
        running = false;
        try
        {
            echo.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
