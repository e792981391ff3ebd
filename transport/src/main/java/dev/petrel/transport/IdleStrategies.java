package dev.petrel.transport;

import java.util.Locale;

/**
 * The idle strategies a node's I/O thread can use, by name.
 */
public enum IdleStrategies
{
    /** Spin, then yield, then block in the selector until there is work: the default. */
    BACKOFF,
    /** Never sleep: lowest latency, one core fully used. */
    BUSY_SPIN,
    /** Block in the selector as soon as there is no work: least CPU. */
    SLEEPING;

    /**
     * @param name {@code backoff}, {@code busy-spin} or {@code sleeping}.
     * @return the strategy.
     * @throws IllegalArgumentException for any other name.
     */
    public static IdleStrategies parse(final String name)
    {
        try
        {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                "unknown idle strategy '" + name + "': use backoff, busy-spin or sleeping", ex);
        }
    }

    /**
     * @return the name as written in settings.
     */
    public String settingName()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
