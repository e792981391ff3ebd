package dev.petrel.patterns;

/**
 * Wall-clock time in epoch nanoseconds with {@link System#nanoTime()} resolution: the epoch is read once and the
 * monotonic clock measures from there, so reading it neither allocates nor loses sub-millisecond precision.
 */
public final class EpochNanos
{
    private static final long BASE_EPOCH_NS;
    private static final long BASE_NANO_TIME;

    static
    {
        final java.time.Instant now = java.time.Instant.now();
        BASE_NANO_TIME = System.nanoTime();
        BASE_EPOCH_NS = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private EpochNanos()
    {
    }

    /**
     * @return the current time in nanoseconds since the epoch.
     */
    public static long now()
    {
        return of(System.nanoTime());
    }

    /**
     * @param nanoTime a reading of {@link System#nanoTime()} taken in this JVM.
     * @return that moment in nanoseconds since the epoch, for callers that read the clock already.
     */
    public static long of(final long nanoTime)
    {
        return BASE_EPOCH_NS + (nanoTime - BASE_NANO_TIME);
    }
}
