package dev.petrel.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the sections share: running a latency, pipelined or throughput row after its warm-up passes (see
 * {@link WarmUp}), logging progress,
 * and turning an outcome into table cells. One failing row yields a row that says so; the run goes on.
 */
final class SectionSupport
{
    /** How long connecting a row's sockets may take. */
    static final Duration SETUP_TIMEOUT = Duration.ofSeconds(10);
    /** Payload bytes of every latency and request/reply row. */
    static final int MESSAGE_LENGTH = 64;
    /** Headers of every latency table after the name and transport columns. */
    static final String[] LATENCY_COLUMNS =
        { "round trips", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs", "max µs" };

    private final RunnerOptions options;
    private final PrintStream log;

    SectionSupport(final RunnerOptions options, final PrintStream log)
    {
        this.options = options;
        this.log = log;
    }

    RunnerOptions options()
    {
        return options;
    }

    void log(final String line)
    {
        log.println(line);
    }

    Outcome<LatencyResult> latency(final String name, final Supplier<RoundTripTrial> opener)
    {
        System.gc();
        final Outcome<LatencyResult> outcome = Outcome.of(() ->
        {
            try (RoundTripTrial trial = opener.get())
            {
                WarmUp.run(options.minWarmUpNs(), () -> LatencyRecorder.warmUp(trial, options.roundTripWarmUp()));
                return LatencyRecorder.record(trial, options.roundTripPass());
            }
        });
        log.println(name + ": " + (outcome.ok() ? "p50 " + LatencyStats.micros(outcome.value().stats().p50Ns()) +
            " µs, p99 " + LatencyStats.micros(outcome.value().stats().p99Ns()) + " µs" : outcome.reason()));
        return outcome;
    }

    Outcome<Measurement> pipelined(final String name, final int inFlight, final Supplier<PipelinedTrial> opener)
    {
        System.gc();
        final long requests = options.roundTrips();
        final Outcome<Measurement> outcome = Outcome.of(() ->
        {
            try (PipelinedTrial trial = opener.get())
            {
                WarmUp.run(options.minWarmUpNs(), () -> trial.run(options.rowWarmUp(requests), inFlight));
                return trial.run(options.rowPass(requests), inFlight);
            }
        });
        logRate(name + " (" + inFlight + " in flight)", outcome);
        return outcome;
    }

    Outcome<Measurement> throughput(final String name, final long messages, final Supplier<ThroughputTrial> opener)
    {
        return throughput(name, options.rowWarmUp(messages), options.rowPass(messages), opener);
    }

    Outcome<Measurement> throughput(
        final String name, final PassPlan warmUp, final PassPlan measured, final Supplier<ThroughputTrial> opener)
    {
        System.gc();
        final Outcome<Measurement> outcome = Outcome.of(() ->
        {
            try (ThroughputTrial trial = opener.get())
            {
                WarmUp.run(options.minWarmUpNs(), () -> trial.run(warmUp));
                return trial.run(measured);
            }
        });
        logRate(name, outcome);
        return outcome;
    }

    private void logRate(final String name, final Outcome<Measurement> outcome)
    {
        log.println(name + ": " + (outcome.ok() ? ComparisonTable.rate(outcome.value().messagesPerSecond()) +
            "/s, lost " + outcome.value().lost() : outcome.reason()));
    }

    /**
     * @param name      the row's name.
     * @param transport the medium.
     * @param outcome   the measured pass.
     * @return the cells of a latency table row.
     */
    static String[] latencyCells(final String name, final String transport, final Outcome<LatencyResult> outcome)
    {
        final List<String> cells = new ArrayList<>(List.of(name, transport));
        if (!outcome.ok())
        {
            cells.add(outcome.reason());
            return cells.toArray(new String[0]);
        }
        final LatencyStats stats = outcome.value().stats();
        cells.add(String.format(Locale.ROOT, "%,d", stats.count()) + (outcome.value().capped() ? " (capped)" : ""));
        cells.add(LatencyStats.micros(stats.p50Ns()));
        cells.add(LatencyStats.micros(stats.p90Ns()));
        cells.add(LatencyStats.micros(stats.p99Ns()));
        cells.add(LatencyStats.micros(stats.p999Ns()));
        cells.add(LatencyStats.micros(stats.maxNs()));
        return cells.toArray(new String[0]);
    }

    /**
     * @param outcome a measured pass.
     * @return its rate, or the reason it has none.
     */
    static String rateCell(final Outcome<Measurement> outcome)
    {
        return outcome.ok() ? ComparisonTable.rate(outcome.value().messagesPerSecond()) +
            (outcome.value().capped() ? " (capped)" : "") : outcome.reason();
    }

    /**
     * @param numerator   a measured pass.
     * @param denominator another.
     * @return the first's rate over the second's, or "n/a".
     */
    static String ratioCell(final Outcome<Measurement> numerator, final Outcome<Measurement> denominator)
    {
        if (!numerator.ok() || !denominator.ok() || denominator.value().messagesPerSecond() <= 0)
        {
            return "n/a";
        }
        return ComparisonTable.ratio(numerator.value().messagesPerSecond() / denominator.value().messagesPerSecond());
    }

    /**
     * @param outcome a measured pass.
     * @return messages lost, or "-".
     */
    static String lostCell(final Outcome<Measurement> outcome)
    {
        return outcome.ok() ? String.format(Locale.ROOT, "%,d", outcome.value().lost()) : "-";
    }
}
