package dev.petrel.bench;

import java.util.Locale;

/**
 * The physical reference rows, measured in the same run with plain JDK code: what loopback TCP, a thread hand-off
 * and the disk allow at best on this machine, so each Petrel figure can be read as a fraction of it.
 */
final class ReferenceSection
{
    private static final int STREAM_MULTIPLIER = 20;

    private final SectionSupport support;
    private final Findings findings;

    ReferenceSection(final SectionSupport support, final Findings findings)
    {
        this.support = support;
        this.findings = findings;
    }

    String run()
    {
        final int length = SectionSupport.MESSAGE_LENGTH;
        final Outcome<LatencyResult> selector = support.latency("reference: selector ping-pong",
            () -> new SocketPingPongReference(length, true));
        final Outcome<LatencyResult> busy = support.latency("reference: busy-poll ping-pong",
            () -> new SocketPingPongReference(length, false));
        final Outcome<LatencyResult> handOff = support.latency("reference: thread hand-off",
            HandOffReference::new);
        remember(Findings.REF_SELECTOR, selector);
        remember(Findings.REF_BUSY_POLL, busy);
        remember(Findings.REF_HAND_OFF, handOff);
        final MarkdownTable latency = ReqRepSection.latencyTable()
            .row(SectionSupport.latencyCells("TCP ping-pong, Selector on both sides", "TCP", selector))
            .row(SectionSupport.latencyCells("TCP ping-pong, busy-polling non-blocking channels", "TCP", busy))
            .row(SectionSupport.latencyCells("two-thread hand-off (spin on a volatile)", "memory", handOff));
        return "## Physical references (plain JDK, same run)\n\n" +
            "- TCP rows: 127.0.0.1, TCP_NODELAY, 64 B each way, an echo thread; the hand-off: two threads passing " +
            "a sequence number through two volatile fields\n\n" + latency.render() + "\n" + rates();
    }

    private void remember(final String name, final Outcome<LatencyResult> outcome)
    {
        if (outcome.ok())
        {
            findings.latency(name, outcome.value().stats());
        }
    }

    private String rates()
    {
        final RunnerOptions options = support.options();
        final long messages = STREAM_MULTIPLIER * options.messagesBySize().get(SectionSupport.MESSAGE_LENGTH);
        final Outcome<Measurement> stream = support.throughput("reference: TCP streaming", messages,
            () -> new TcpStreamReference(SectionSupport.MESSAGE_LENGTH));
        if (stream.ok())
        {
            findings.rate(Findings.REF_TCP_STREAM, stream.value().messagesPerSecond());
        }
        final PassPlan fsyncPlan = new PassPlan(options.roundTrips() * 100, options.rowTimeCap().toNanos() / 2);
        final Outcome<FsyncReference.Result> perRecord = Outcome.of(() -> FsyncReference.run(fsyncPlan,
            SectionSupport.MESSAGE_LENGTH, 0));
        final Outcome<FsyncReference.Result> group = Outcome.of(() -> FsyncReference.run(fsyncPlan,
            SectionSupport.MESSAGE_LENGTH, FsyncReference.BATCH_NS));
        final MarkdownTable table = new MarkdownTable("reference", "messages or records/s", "detail")
            .row("TCP streaming, 64 B messages with a 4 B length prefix, 64 KiB writes",
                SectionSupport.rateCell(stream), stream.ok() ? ComparisonTable.megabytes(
                stream.value().megabytesPerSecond(SectionSupport.MESSAGE_LENGTH)) + " MB/s of payload" : "")
            .row("fsync per record: write 64 B, FileChannel.force(true)", fsyncCell(perRecord), forces(perRecord))
            .row("group commit: write 64 B records, force(true) once per 1 ms batch", fsyncCell(group),
                forces(group));
        support.log("reference: fsync per record " + fsyncCell(perRecord) + " records/s, group commit " +
            fsyncCell(group) + " records/s");
        return "### Rates\n\n- fsync rows append to a file in a fresh temporary directory (" +
            System.getProperty("java.io.tmpdir") + ") for at most " + options.rowTimeCap().toMillis() / 2 +
            " ms each\n\n" + table.render();
    }

    private static String fsyncCell(final Outcome<FsyncReference.Result> outcome)
    {
        return outcome.ok() ? ComparisonTable.rate(outcome.value().recordsPerSecond()) : outcome.reason();
    }

    private static String forces(final Outcome<FsyncReference.Result> outcome)
    {
        return outcome.ok() ? String.format(Locale.ROOT, "%,.0f forces/s, %,d records", outcome.value()
            .forcesPerSecond(), outcome.value().records()) : "";
    }
}
