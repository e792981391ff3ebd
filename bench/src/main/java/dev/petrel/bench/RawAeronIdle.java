package dev.petrel.bench;

import java.util.concurrent.TimeUnit;

import dev.petrel.transport.IdleStrategies;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;

/**
 * The Agrona idle strategy that idles a raw Aeron duty thread as a Petrel node with Aeron endpoints idles its I/O
 * thread: {@code backoff} spins 200 times, yields 50 times, then parks for 1 ms (a Petrel node with Aeron endpoints
 * blocks in its selector for at most 1 ms); {@code busy-spin} never sleeps; {@code sleeping} parks for 1 ms at once.
 */
final class RawAeronIdle
{
    private static final int SPINS = 200;
    private static final int YIELDS = 50;
    private static final long PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private RawAeronIdle()
    {
    }

    /**
     * @param petrelSetting a Petrel idle strategy name.
     * @return a new Agrona strategy that behaves alike.
     */
    static IdleStrategy forSetting(final String petrelSetting)
    {
        return switch (IdleStrategies.parse(petrelSetting))
        {
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case SLEEPING -> new SleepingIdleStrategy(PARK_NS);
            default -> new BackoffIdleStrategy(SPINS, YIELDS, PARK_NS, PARK_NS);
        };
    }

    /**
     * @param petrelSetting a Petrel idle strategy name.
     * @return how the matching Agrona strategy is set up, for the report.
     */
    static String describe(final String petrelSetting)
    {
        return switch (IdleStrategies.parse(petrelSetting))
        {
            case BUSY_SPIN -> "BusySpinIdleStrategy";
            case SLEEPING -> "SleepingIdleStrategy(1 ms)";
            default -> "BackoffIdleStrategy(200 spins, 50 yields, 1 ms park)";
        };
    }
}
