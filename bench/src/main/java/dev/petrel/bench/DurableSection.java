package dev.petrel.bench;

import java.util.Locale;

import dev.petrel.durability.FsyncPolicy;

/**
 * The cost of durability: durable push/pull throughput beside the same stream without a side log, and the side
 * log's append rate under each fsync policy beside the plain-JDK fsync-per-record and group-commit references.
 */
final class DurableSection
{
    private static final int[] RECORD_LENGTHS = { 64, 1024 };
    private static final int APPEND_MULTIPLIER = 10;
    private static final int STREAM_DIVISOR = 4;
    private static final int SEQUENTIAL_BLOCK = 1 << 20;
    private static final int SEQUENTIAL_BLOCKS = 256;
    private static final int STREAM_WARM_UP_ROUNDS = 2;
    private static final int STREAM_ROUNDS = 11;
    private static final int STREAM_BUDGET_CAPS = 2;
    private static final String[] STREAM_NAMES = { "push/pull, no side log", "durable push/pull, fsync interval" };

    private final SectionSupport support;

    DurableSection(final SectionSupport support)
    {
        this.support = support;
    }

    String run()
    {
        return "## Durable push/pull and the side log\n\n" + streams() + "\n" + appends();
    }

    private String streams()
    {
        final RunnerOptions options = support.options();
        final int length = SectionSupport.MESSAGE_LENGTH;
        final long messages = Math.max(1, options.messagesBySize().get(length) / STREAM_DIVISOR);
        final PairedPasses passes = new PairedPasses(options.rowPass(messages), STREAM_WARM_UP_ROUNDS,
            options.rowTimeCap().toNanos(), STREAM_ROUNDS, options.rowTimeCap().toNanos() * STREAM_BUDGET_CAPS);
        System.gc();
        final Outcome<RateSamples[]> outcome = Outcome.of(() ->
        {
            try (ThroughputTrial plain = new PetrelPushPullTrial(length, options.idleStrategy(), PetrelReceive.MESSAGE,
                SectionSupport.SETUP_TIMEOUT);
                ThroughputTrial durable = new DurablePushPullTrial(length, FsyncPolicy.INTERVAL,
                    options.idleStrategy(), SectionSupport.SETUP_TIMEOUT))
            {
                return passes.run(plain, durable, (pass, which) -> support.log("durable: " + STREAM_NAMES[which] +
                    ": " + ComparisonTable.rate(pass.messagesPerSecond()) + "/s, lost " + pass.lost()));
            }
        });
        return "- 64 B messages over TCP on 127.0.0.1, one node per stream (one I/O thread, idle strategy " +
            options.idleStrategy() + "), a Message per message in the puller's I/O-thread callback; the durable " +
            "pusher's side log forces at intervals, the durable puller journals and acknowledges each read pass\n" +
            "- both streams stay connected side by side and take turns, a pass each per round, the order swapped " +
            "every round: warm-up rounds (at least " + STREAM_WARM_UP_ROUNDS + ", and for at least " +
            options.rowTimeCap().toSeconds() + " s, so the JIT compiler is done with both streams' code), then up to " +
            STREAM_ROUNDS +
            " measured rounds (none started after " + passes.budgetNs() / 1_000_000_000L + " s), each pass " +
            count(messages) + " messages within " +
            options.rowTimeCap().toSeconds() + " s; a row's rate is the median of its passes, the ratio is of " +
            "the medians\n\n" + streamTable(outcome);
    }

    private static String streamTable(final Outcome<RateSamples[]> outcome)
    {
        final MarkdownTable table = new MarkdownTable(
            "stream", "messages/s (median)", "passes", "pass range", "durable / plain", "lost");
        if (!outcome.ok())
        {
            return table.row(STREAM_NAMES[0], outcome.reason(), "", "", "", "-")
                .row(STREAM_NAMES[1], outcome.reason(), "", "", "", "-").render();
        }
        final RateSamples plain = outcome.value()[0];
        final RateSamples durable = outcome.value()[1];
        return table.row(streamRow(STREAM_NAMES[0], plain, ""))
            .row(streamRow(STREAM_NAMES[1], durable,
                plain.median() > 0 ? ComparisonTable.ratio(durable.median() / plain.median()) : "n/a"))
            .render();
    }

    private static String[] streamRow(final String name, final RateSamples samples, final String ratio)
    {
        return new String[]{ name, ComparisonTable.rate(samples.median()) + (samples.capped() ? " (capped)" : ""),
            Integer.toString(samples.count()),
            ComparisonTable.rate(samples.min()) + " - " + ComparisonTable.rate(samples.max()), ratio,
            count(samples.lost()) };
    }

    private static String count(final long value)
    {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private String appends()
    {
        final RunnerOptions options = support.options();
        final PassPlan plan = new PassPlan(options.roundTrips() * APPEND_MULTIPLIER,
            options.rowTimeCap().toNanos() / 2);
        final MarkdownTable table = new MarkdownTable(
            "appends", "records/s", "append p50 µs", "p99 µs", "p99.9 µs", "max µs", "detail");
        for (final int length : RECORD_LENGTHS)
        {
            for (final FsyncPolicy policy : FsyncPolicy.values())
            {
                final Outcome<FsyncReference.Result> outcome = Outcome.of(
                    () -> DurableAppendReference.run(plan, length, policy));
                final String name = "DurableLog.append " + length + " B, fsync " +
                    policy.name().toLowerCase(Locale.ROOT);
                support.log("durable: " + name + " " + cell(outcome) + " records/s");
                table.row(row(name, outcome));
            }
        }
        final PassPlan fsyncPlan = new PassPlan(options.roundTrips() * 100, options.rowTimeCap().toNanos() / 2);
        final Outcome<FsyncReference.Result> perRecord = Outcome.of(() -> FsyncReference.run(fsyncPlan,
            SectionSupport.MESSAGE_LENGTH, 0));
        final Outcome<FsyncReference.Result> group = Outcome.of(() -> FsyncReference.run(fsyncPlan,
            SectionSupport.MESSAGE_LENGTH, FsyncReference.BATCH_NS));
        table.row(row("reference: write 64 B, FileChannel.force(true) per record", perRecord))
            .row(row("reference: group commit, write 64 B, force(true) once per 1 ms batch", group));
        for (final int length : RECORD_LENGTHS)
        {
            table.row(sequentialRow(length + " B records", plan, length));
        }
        table.row(sequentialRow("1 MiB blocks", new PassPlan(SEQUENTIAL_BLOCKS, plan.timeCapNs()), SEQUENTIAL_BLOCK));
        return "- one appending thread, a fresh log in " + System.getProperty("java.io.tmpdir") + " per row, at " +
            "most " + options.rowTimeCap().toMillis() / 2 + " ms each; a final force counts every record as " +
            "durable; latency: every " + AppendLatency.SAMPLE_EVERY + "th append timed, with the force it made " +
            "(if any)\n\n" + table.render();
    }

    private static String[] sequentialRow(final String what, final PassPlan plan, final int length)
    {
        final Outcome<FsyncReference.Result> outcome = Outcome.of(
            () -> FsyncReference.run(plan, length, FsyncReference.FORCE_AT_END));
        final String[] cells = row("reference: sequential write, " + what + ", one force(true) at the end", outcome);
        if (outcome.ok())
        {
            cells[cells.length - 1] = String.format(Locale.ROOT, "%,.1f MB/s, %,d writes, one force",
                outcome.value().recordsPerSecond() * length / 1e6, outcome.value().records());
        }
        return cells;
    }

    private static String[] row(final String name, final Outcome<FsyncReference.Result> outcome)
    {
        if (!outcome.ok())
        {
            return new String[]{ name, outcome.reason(), "", "", "", "", "" };
        }
        final LatencyStats latency = outcome.value().latency();
        return new String[]{ name, cell(outcome), LatencyStats.micros(latency.p50Ns()),
            LatencyStats.micros(latency.p99Ns()), LatencyStats.micros(latency.p999Ns()),
            LatencyStats.micros(latency.maxNs()), forces(outcome) };
    }

    private static String cell(final Outcome<FsyncReference.Result> outcome)
    {
        return outcome.ok() ? ComparisonTable.rate(outcome.value().recordsPerSecond()) : outcome.reason();
    }

    private static String forces(final Outcome<FsyncReference.Result> outcome)
    {
        return outcome.ok() ? String.format(Locale.ROOT, "%,.0f forces/s, %,d records",
            outcome.value().forcesPerSecond(), outcome.value().records()) : "";
    }
}
