package dev.petrel.bench;

import java.util.function.ObjIntConsumer;

/**
 * Runs two throughput trials that stay connected side by side in turns, so that each sees the same JIT state and the
 * same background load: rounds of one pass of each, the order of the pair swapped every round, the first of them
 * warm-up rounds whose passes are not kept. Warm-up goes on for at least its rounds and its time (at most
 * {@value #MAX_WARM_UP_ROUNDS} rounds), so that the measured rounds find the JIT compiler done with both trials'
 * code rather than still compiling, and deoptimising what one trial's passes compiled for the other's. Every pass is
 * bounded in messages and time by its plan, and no measured round starts once the measured rounds so far have taken
 * the budget, though at least one always runs.
 * <p>
 * Not thread-safe: the calling thread runs every pass.
 *
 * @param pass         the bounds of every pass.
 * @param warmUpRounds the fewest rounds run first and not kept.
 * @param warmUpNs     how long those rounds go on at least, started rounds finishing.
 * @param rounds       the most measured rounds to run; at least one.
 * @param budgetNs     how long the measured rounds may take together before no further round starts.
 */
record PairedPasses(PassPlan pass, int warmUpRounds, long warmUpNs, int rounds, long budgetNs)
{
    /** The most warm-up rounds run, however short the passes. */
    static final int MAX_WARM_UP_ROUNDS = 100;

    /**
     * @param pass         pass bounds.
     * @param warmUpRounds not negative.
     * @param warmUpNs     not negative.
     * @param rounds       at least one.
     * @param budgetNs     positive.
     */
    PairedPasses
    {
        if (warmUpRounds < 0 || warmUpNs < 0 || rounds < 1 || budgetNs <= 0)
        {
            throw new IllegalArgumentException("a paired run needs at least one round and a positive budget");
        }
    }

    /**
     * Runs the passes.
     *
     * @param first    one trial.
     * @param second   the other.
     * @param progress told of each measured pass and whose it is: 0 for the first trial, 1 for the second.
     * @return the measured passes of each trial, in the order given.
     */
    RateSamples[] run(
        final ThroughputTrial first, final ThroughputTrial second, final ObjIntConsumer<Measurement> progress)
    {
        final RateSamples[] warmUp = { new RateSamples(), new RateSamples() };
        final int warmedUp = WarmUp.run(warmUpRounds, warmUpNs, MAX_WARM_UP_ROUNDS,
            index -> round(index, first, second, warmUp, (pass, which) -> { }));
        final RateSamples[] samples = { new RateSamples(), new RateSamples() };
        final long startNs = System.nanoTime();
        for (int round = 0; round < rounds && (0 == round || System.nanoTime() - startNs < budgetNs); round++)
        {
            round(warmedUp + round, first, second, samples, progress);
        }
        return samples;
    }

    private void round(
        final int round,
        final ThroughputTrial first,
        final ThroughputTrial second,
        final RateSamples[] samples,
        final ObjIntConsumer<Measurement> progress)
    {
        if (0 == (round & 1))
        {
            measure(first, 0, samples[0], progress);
            measure(second, 1, samples[1], progress);
        }
        else
        {
            measure(second, 1, samples[1], progress);
            measure(first, 0, samples[0], progress);
        }
    }

    private void measure(
        final ThroughputTrial trial,
        final int which,
        final RateSamples samples,
        final ObjIntConsumer<Measurement> progress)
    {
        System.gc();
        final Measurement measurement = trial.run(pass);
        samples.add(measurement);
        progress.accept(measurement, which);
    }
}
