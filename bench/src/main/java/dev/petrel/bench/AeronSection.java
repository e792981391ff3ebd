package dev.petrel.bench;

import java.util.Locale;
import java.util.function.Supplier;

import dev.petrel.BackPressurePolicy;
import dev.petrel.transport.AeronDriverDefaults;

/**
 * The Aeron rows (issue 5), when Petrel's Aeron transport works in this JVM: ping-pong round trips over Aeron UDP
 * (127.0.0.1) and IPC, Petrel vs raw Aeron doing the same work, beside Petrel's ping-pong over TCP; Petrel
 * request/reply round trips over Aeron UDP vs TCP; and one-way 64 B throughput, Petrel push/pull (UDP and IPC) and
 * pub/sub (UDP, one subscriber) vs a raw Aeron publication. Otherwise every row says why it is unavailable.
 */
final class AeronSection
{
    private static final String TCP = "tcp://127.0.0.1:0";

    private final SectionSupport support;
    private final Findings findings;

    AeronSection(final SectionSupport support, final Findings findings)
    {
        this.support = support;
        this.findings = findings;
    }

    String run()
    {
        final String idle = support.options().idleStrategy();
        final String reason = AeronProbe.unavailableReason(idle);
        final String notes = "- Petrel: one node (one I/O thread, idle strategy " + idle + ") whose embedded media " +
            "driver runs in INVOKER mode on that I/O thread; ping-pong = a pusher on the calling thread, a puller " +
            "whose I/O-thread callback sends each ping straight back on a second pusher, and a return puller the " +
            "calling thread spins on\n" +
            "- raw Aeron: an embedded MediaDriver in INVOKER mode plus the client conductor invoker, run with the " +
            "pong (or the receiving poll) on one duty thread idling with " + RawAeronIdle.describe(idle) +
            "; the calling thread offers on an exclusive publication and busy-polls the return stream\n" +
            "- same term lengths for both (4 MiB UDP, 1 MiB IPC) and the same UDP transport poller setting (" +
            AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME + "=" +
            System.getProperty(AeronDriverDefaults.ITERATION_THRESHOLD_PROP_NAME) + ", read once per JVM); " +
            "64 B messages\n";
        return "## Aeron: Petrel vs raw Aeron 1.51.0\n\n" + notes +
            (null == reason ? "" : "- unavailable: " + reason + "\n") + "\n" +
            roundTrips(reason) + "\n" + throughput(reason);
    }

    private String roundTrips(final String reason)
    {
        final String idle = support.options().idleStrategy();
        final int length = SectionSupport.MESSAGE_LENGTH;
        final MarkdownTable table = ReqRepSection.latencyTable();
        final StringBuilder ratios = new StringBuilder();
        for (final AeronMedium medium : AeronMedium.values())
        {
            final Outcome<LatencyResult> petrel = aeron(reason, "Petrel ping-pong " + medium.label(),
                () -> new PetrelPingPongTrial(medium.petrelEndpoint(), medium.petrelEndpoint(), length, idle,
                SectionSupport.SETUP_TIMEOUT));
            final Outcome<LatencyResult> raw = aeron(reason, "raw Aeron ping-pong " + medium.label(),
                () -> new RawAeronPingPongTrial(medium, length, idle, SectionSupport.SETUP_TIMEOUT));
            table.row(SectionSupport.latencyCells("Petrel ping-pong", medium.label(), petrel))
                .row(SectionSupport.latencyCells("raw Aeron ping-pong", medium.label(), raw));
            if (petrel.ok() && raw.ok())
            {
                ratios.append(ratios.length() > 0 ? ", " : "Petrel / raw Aeron, p50: ").append(String.format(
                    Locale.ROOT, "%s %.2fx", medium.label(), (double)petrel.value().stats().p50Ns() /
                    Math.max(1, raw.value().stats().p50Ns())));
            }
            if (AeronMedium.IPC == medium && petrel.ok() && raw.ok())
            {
                findings.latency(Findings.PETREL_PINGPONG_IPC, petrel.value().stats());
                findings.latency(Findings.RAW_AERON_PINGPONG_IPC, raw.value().stats());
            }
        }
        final Outcome<LatencyResult> tcpPingPong = support.latency("Petrel ping-pong TCP",
            () -> new PetrelPingPongTrial(TCP, TCP, length, idle, SectionSupport.SETUP_TIMEOUT));
        if (tcpPingPong.ok())
        {
            findings.latency(Findings.PETREL_PINGPONG_TCP, tcpPingPong.value().stats());
        }
        table.row(SectionSupport.latencyCells("Petrel ping-pong", "TCP", tcpPingPong));
        final Outcome<LatencyResult> reqRepUdp = aeron(reason, "Petrel req/rep Aeron UDP",
            () -> new PetrelReqRepTrial(AeronMedium.UDP.petrelEndpoint(), length, idle, SectionSupport.SETUP_TIMEOUT));
        final Outcome<LatencyResult> reqRepTcp = support.latency("Petrel req/rep TCP (Aeron section)",
            () -> new PetrelReqRepTrial(TCP, length, idle, SectionSupport.SETUP_TIMEOUT));
        table.row(SectionSupport.latencyCells("Petrel Requester / Replier", AeronMedium.UDP.label(), reqRepUdp))
            .row(SectionSupport.latencyCells("Petrel Requester / Replier", "TCP", reqRepTcp));
        return "### Round trips, one message in flight\n\n" + table.render() + "\n" +
            (ratios.length() > 0 ? ratios + "\n\n" : "");
    }

    private Outcome<LatencyResult> aeron(
        final String reason, final String name, final Supplier<RoundTripTrial> opener)
    {
        return null == reason ? support.latency(name, opener) : Outcome.unavailable("unavailable");
    }

    private String throughput(final String reason)
    {
        final RunnerOptions options = support.options();
        final long messages = options.messagesBySize().get(SectionSupport.MESSAGE_LENGTH);
        final int length = SectionSupport.MESSAGE_LENGTH;
        final MarkdownTable table = new MarkdownTable("workload", "medium", "Petrel msg/s", "raw Aeron msg/s",
            "Petrel / raw", "lost Petrel / raw");
        for (final AeronMedium medium : AeronMedium.values())
        {
            final Outcome<Measurement> petrel = aeronThroughput(reason, "Petrel push/pull " + medium.label(),
                () -> new PetrelPushPullTrial(medium.petrelEndpoint(), length, options.idleStrategy(),
                options.petrelReceive(), SectionSupport.SETUP_TIMEOUT));
            table.row(throughputCells(Workload.PUSH_PULL, medium, petrel, rawThroughput(reason, medium)));
        }
        final Outcome<Measurement> pubSub = aeronThroughput(reason, "Petrel pub/sub " + AeronMedium.UDP.label(),
            () -> new PetrelPubSubTrial(AeronMedium.UDP.petrelEndpoint(), length, options.idleStrategy(),
            options.pubSubHighWaterMark(), BackPressurePolicy.BLOCK, options.petrelReceive(),
            SectionSupport.SETUP_TIMEOUT, 1));
        table.row(throughputCells(Workload.PUB_SUB, AeronMedium.UDP, pubSub, rawThroughput(reason, AeronMedium.UDP)));
        return "### One-way throughput, 64 B\n\n" +
            "- each pass sends " + ComparisonTable.rate(messages) + " messages (after warm-up passes of half as " +
            "many); raw Aeron: offer on the calling thread (spinning while back-pressured), poll and count on the " +
            "duty thread; nothing may be lost\n" +
            "- Petrel push/pull: Pusher.send(DirectBuffer, int, int) on the calling thread, the puller's callback " +
            "counts on the I/O thread; nothing may be lost\n" +
            "- Petrel pub/sub: one publisher and one subscriber, Publisher.publish(String, DirectBuffer, int, int) " +
            "on the calling thread, the subscription's callback counts on the I/O thread; send high-water mark " +
            ComparisonTable.rate(options.pubSubHighWaterMark()) + " messages and the blocking back-pressure " +
            "policy, as raw Aeron's sender spins while back-pressured, so nothing may be lost. Raw Aeron has no " +
            "subjects: its pub/sub row is a fresh pass of the same publication and subscription as its push/pull " +
            "row\n\n" + table.render();
    }

    private Outcome<Measurement> aeronThroughput(
        final String reason, final String name, final Supplier<ThroughputTrial> opener)
    {
        return null == reason ? support.throughput(name, support.options().messagesBySize()
            .get(SectionSupport.MESSAGE_LENGTH), opener) : Outcome.unavailable("unavailable");
    }

    private Outcome<Measurement> rawThroughput(final String reason, final AeronMedium medium)
    {
        return aeronThroughput(reason, "raw Aeron " + medium.label(), () -> new RawAeronThroughputTrial(medium,
            SectionSupport.MESSAGE_LENGTH, support.options().idleStrategy(), SectionSupport.SETUP_TIMEOUT));
    }

    /**
     * @param workload the pattern Petrel ran.
     * @param medium   the medium both ran over.
     * @param petrel   Petrel's measured pass.
     * @param raw      raw Aeron's measured pass.
     * @return the cells of a one-way throughput row.
     */
    static String[] throughputCells(
        final Workload workload, final AeronMedium medium, final Outcome<Measurement> petrel,
        final Outcome<Measurement> raw)
    {
        return new String[]{ workload.label(), medium.label(), SectionSupport.rateCell(petrel),
            SectionSupport.rateCell(raw), SectionSupport.ratioCell(petrel, raw),
            SectionSupport.lostCell(petrel) + " / " + SectionSupport.lostCell(raw) };
    }
}
