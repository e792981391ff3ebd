package dev.petrel.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PairedPassesTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    void shouldAlternateTheLeadingTrialAndKeepOnlyMeasuredRounds()
    {
        final List<String> order = new ArrayList<>();
        final ThroughputTrial a = new FixedTrial("a", order, 100);
        final ThroughputTrial b = new FixedTrial("b", order, 50);

        final RateSamples[] samples = new PairedPasses(new PassPlan(100, SECOND_NS), 1, 0, 3, SECOND_NS)
            .run(a, b, (pass, which) -> { });

        assertEquals(List.of("a", "b", "b", "a", "a", "b", "b", "a"), order);
        assertEquals(3, samples[0].count());
        assertEquals(3, samples[1].count());
        assertEquals(0.5, samples[1].median() / samples[0].median(), 1e-9);
    }

    @Test
    void shouldWarmUpForItsTimeButNoMoreThanTheMostRounds()
    {
        final List<String> order = new ArrayList<>();
        final long hourNs = 3600 * SECOND_NS;

        final RateSamples[] samples = new PairedPasses(new PassPlan(1, SECOND_NS), 1, hourNs, 2, SECOND_NS)
            .run(new FixedTrial("a", order, 10), new FixedTrial("b", order, 10), (pass, which) -> { });

        assertEquals(2 * (PairedPasses.MAX_WARM_UP_ROUNDS + 2), order.size());
        assertEquals(2, samples[0].count());
        assertEquals(2, samples[1].count());
    }

    @Test
    void shouldWarmUpUntilItsTimeHasPassed()
    {
        final List<String> order = new ArrayList<>();
        final long warmUpNs = 300_000_000L;

        final long startNs = System.nanoTime();
        new PairedPasses(new PassPlan(1, SECOND_NS), 1, warmUpNs, 1, SECOND_NS)
            .run(new FixedTrial("a", order, 10), new SleepingTrial(), (pass, which) -> { });

        assertTrue(System.nanoTime() - startNs >= warmUpNs, "warmed up for its time, not just its one round");
    }

    @Test
    void shouldStartNoRoundAfterTheBudgetButAlwaysOne()
    {
        final List<String> order = new ArrayList<>();

        final RateSamples[] samples = new PairedPasses(new PassPlan(1, SECOND_NS), 0, 0, 5, 1)
            .run(new FixedTrial("a", order, 10), new SlowTrial(), (pass, which) -> { });

        assertEquals(1, samples[0].count());
        assertEquals(1, samples[1].count());
    }

    @Test
    void shouldTakeTheMiddleRateOrTheMeanOfTheMiddleTwo()
    {
        final RateSamples samples = new RateSamples();
        samples.add(new Measurement(10, 30, SECOND_NS, false));
        samples.add(new Measurement(10, 10, SECOND_NS, false));
        samples.add(new Measurement(10, 20, SECOND_NS, true));

        assertEquals(20.0, samples.median(), 1e-9);
        assertEquals(10.0, samples.min(), 1e-9);
        assertEquals(30.0, samples.max(), 1e-9);
        assertTrue(samples.capped());

        samples.add(new Measurement(10, 5, SECOND_NS, false));

        assertEquals(15.0, samples.median(), 1e-9);
        assertEquals(5, samples.lost());
    }

    private record FixedTrial(String name, List<String> order, long received) implements ThroughputTrial
    {
        @Override
        public Measurement run(final PassPlan plan)
        {
            order.add(name);
            return new Measurement(received, received, SECOND_NS, false);
        }

        @Override
        public void close()
        {
        }
    }

    private static final class SlowTrial implements ThroughputTrial
    {
        @Override
        public Measurement run(final PassPlan plan)
        {
            final long startNs = System.nanoTime();
            while (System.nanoTime() - startNs < 1_000)
            {
                Thread.onSpinWait();
            }
            return new Measurement(1, 1, SECOND_NS, false);
        }

        @Override
        public void close()
        {
        }
    }

    private static final class SleepingTrial implements ThroughputTrial
    {
        @Override
        public Measurement run(final PassPlan plan)
        {
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            return new Measurement(1, 1, SECOND_NS, false);
        }

        @Override
        public void close()
        {
        }
    }
}
