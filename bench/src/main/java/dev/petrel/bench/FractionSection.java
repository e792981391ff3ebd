package dev.petrel.bench;

import java.util.Locale;

/**
 * Each Petrel figure beside the physical reference it is bounded by: round trips as a multiple of the reference's
 * (median), throughput as a share of the reference's rate. Rows whose figures this run did not measure say so.
 */
final class FractionSection
{
    private final Findings findings;

    FractionSection(final Findings findings)
    {
        this.findings = findings;
    }

    String run()
    {
        final MarkdownTable table = new MarkdownTable("Petrel figure", "reference", "Petrel", "reference",
            "Petrel vs reference");
        latency(table, "request/reply TCP, p50", Findings.PETREL_REQREP_TCP, "Selector ping-pong p50",
            Findings.REF_SELECTOR);
        latency(table, "request/reply TCP, p50", Findings.PETREL_REQREP_TCP, "busy-poll ping-pong p50",
            Findings.REF_BUSY_POLL);
        latency(table, "push/pull ping-pong TCP, p50", Findings.PETREL_PINGPONG_TCP, "Selector ping-pong p50",
            Findings.REF_SELECTOR);
        latency(table, "push/pull ping-pong Aeron IPC, p50", Findings.PETREL_PINGPONG_IPC, "thread hand-off p50",
            Findings.REF_HAND_OFF);
        latency(table, "(raw Aeron ping-pong IPC, p50)", Findings.RAW_AERON_PINGPONG_IPC, "thread hand-off p50",
            Findings.REF_HAND_OFF);
        final Double petrel = findings.rate(Findings.PETREL_PUSHPULL_TCP_64);
        final Double reference = findings.rate(Findings.REF_TCP_STREAM);
        if (null == petrel || null == reference || reference <= 0)
        {
            table.row("push/pull TCP 64 B msg/s", "TCP streaming msg/s", "not measured in this run");
        }
        else
        {
            table.row("push/pull TCP 64 B msg/s", "TCP streaming msg/s", ComparisonTable.rate(petrel),
                ComparisonTable.rate(reference), String.format(Locale.ROOT, "%.1f%% of the reference",
                100 * petrel / reference));
        }
        return "## Petrel as a fraction of the physical references\n\n" +
            "- latency: Petrel's median round trip as a multiple of the reference's (1.00x would be the reference)" +
            "; throughput: Petrel's rate as a share of the reference's\n\n" + table.render();
    }

    private void latency(
        final MarkdownTable table, final String name, final String key, final String referenceName,
        final String referenceKey)
    {
        final LatencyStats petrel = findings.latency(key);
        final LatencyStats reference = findings.latency(referenceKey);
        if (null == petrel || null == reference || 0 == reference.p50Ns())
        {
            table.row(name, referenceName, "not measured in this run");
            return;
        }
        table.row(name, referenceName, LatencyStats.micros(petrel.p50Ns()) + " µs",
            LatencyStats.micros(reference.p50Ns()) + " µs",
            String.format(Locale.ROOT, "%.2fx the reference", (double)petrel.p50Ns() / reference.p50Ns()));
    }
}
