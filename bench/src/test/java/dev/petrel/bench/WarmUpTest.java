package dev.petrel.bench;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class WarmUpTest
{
    @Test
    void shouldRunOnePassWhenNoTimeIsAsked()
    {
        final AtomicInteger passes = new AtomicInteger();

        assertEquals(1, WarmUp.run(0, passes::incrementAndGet));
        assertEquals(1, passes.get());
    }

    @Test
    void shouldRepeatPassesUntilItsTimeHasPassed()
    {
        final long minNs = 20_000_000L;

        final long startNs = System.nanoTime();
        final int passes = WarmUp.run(minNs, WarmUpTest::sleepOneMillisecond);

        assertTrue(System.nanoTime() - startNs >= minNs, "warmed up for its time");
        assertTrue(passes > 1 && passes < WarmUp.MAX_PASSES, "passes: " + passes);
    }

    @Test
    void shouldStopAtTheMostPassesHoweverLongItsTime()
    {
        assertEquals(WarmUp.MAX_PASSES, WarmUp.run(3_600_000_000_000L, () -> { }));
    }

    private static void sleepOneMillisecond()
    {
        try
        {
            Thread.sleep(1);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
