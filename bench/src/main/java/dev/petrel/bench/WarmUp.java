package dev.petrel.bench;

import java.util.function.IntConsumer;

/**
 * Repeats a row's warm-up pass until the warm-up has lasted a minimum time, so that the measured pass finds the JIT
 * compiler done with the row's code: one warm-up pass of half the measured count can take a quarter of a second,
 * while C2 goes on compiling a library's deeper paths for seconds. At least one pass runs, at most
 * {@value #MAX_PASSES}; each is bounded by its own plan.
 */
final class WarmUp
{
    /** The most warm-up passes a row runs, however short they are. */
    static final int MAX_PASSES = 50;

    private WarmUp()
    {
    }

    /**
     * @param minNs how long the passes go on at least, the pass under way finishing.
     * @param pass  one warm-up pass.
     * @return how many passes ran: at least one, at most {@value #MAX_PASSES}.
     */
    static int run(final long minNs, final Runnable pass)
    {
        return run(1, minNs, MAX_PASSES, index -> pass.run());
    }

    /**
     * @param minPasses the fewest passes.
     * @param minNs     how long the passes go on at least, the pass under way finishing.
     * @param maxPasses the most passes, whatever the other two ask.
     * @param pass      one warm-up pass, given its index from zero.
     * @return how many passes ran.
     */
    static int run(final int minPasses, final long minNs, final int maxPasses, final IntConsumer pass)
    {
        final long startNs = System.nanoTime();
        int passes = 0;
        while (passes < maxPasses && (passes < minPasses || System.nanoTime() - startNs < minNs))
        {
            pass.accept(passes++);
        }
        return passes;
    }
}
