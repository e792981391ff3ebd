package dev.petrel.bench;

import java.util.Locale;

/**
 * The request/reply rows (issue 4): round-trip latency with one request in flight, Petrel Requester/Replier vs
 * JeroMQ REQ/REP over TCP; then pipelined throughput with 1, 16 and 64 requests in flight, Petrel vs lock-step
 * REQ/REP and vs DEALER/ROUTER keeping the same window.
 */
final class ReqRepSection
{
    private static final int[] WINDOWS = { 1, 16, 64 };
    private static final String TCP = "tcp://127.0.0.1:0";

    private final SectionSupport support;
    private final Findings findings;

    ReqRepSection(final SectionSupport support, final Findings findings)
    {
        this.support = support;
        this.findings = findings;
    }

    String run()
    {
        final String idle = support.options().idleStrategy();
        final int length = SectionSupport.MESSAGE_LENGTH;
        final Outcome<LatencyResult> petrel = support.latency("Petrel req/rep TCP",
            () -> new PetrelReqRepTrial(TCP, length, idle, SectionSupport.SETUP_TIMEOUT));
        if (petrel.ok())
        {
            findings.latency(Findings.PETREL_REQREP_TCP, petrel.value().stats());
        }
        final Outcome<LatencyResult> jeromq = support.latency("JeroMQ REQ/REP TCP",
            () -> new JeroMqReqRepTrial(length, SectionSupport.SETUP_TIMEOUT.toMillis()));
        final MarkdownTable latency = latencyTable()
            .row(SectionSupport.latencyCells("Petrel Requester / Replier", "TCP", petrel))
            .row(SectionSupport.latencyCells("JeroMQ REQ / REP", "TCP", jeromq));
        return "## Request/reply round trips: Petrel vs JeroMQ " + ComparisonRunner.jeromqVersion() + "\n\n" +
            "- 64 B request and reply, one request in flight; every round trip of the measured pass recorded " +
            "after warm-up passes of half as many\n" +
            "- Petrel: one node; Replier with a synchronous handler that echoes the request on the I/O thread; " +
            "Requester.request(...) on the calling thread and a wait on its future\n" +
            "- JeroMQ: one context with one I/O thread; REQ on the calling thread, REP echoing on its own thread\n\n" +
            latency.render() + "\n" + pipelined();
    }

    static MarkdownTable latencyTable()
    {
        final String[] header = new String[2 + SectionSupport.LATENCY_COLUMNS.length];
        header[0] = "pair";
        header[1] = "transport";
        System.arraycopy(SectionSupport.LATENCY_COLUMNS, 0, header, 2, SectionSupport.LATENCY_COLUMNS.length);
        return new MarkdownTable(header);
    }

    private String pipelined()
    {
        final String idle = support.options().idleStrategy();
        final int length = SectionSupport.MESSAGE_LENGTH;
        final long setupMs = SectionSupport.SETUP_TIMEOUT.toMillis();
        final Outcome<Measurement> lockStep = support.pipelined("JeroMQ REQ/REP", 1,
            () -> new JeroMqReqRepTrial(length, setupMs));
        final MarkdownTable table = new MarkdownTable("in flight", "Petrel req/s", "JeroMQ REQ/REP req/s",
            "JeroMQ DEALER/ROUTER req/s", "Petrel / REQ-REP", "Petrel / DEALER-ROUTER");
        for (final int window : WINDOWS)
        {
            final Outcome<Measurement> petrel = support.pipelined("Petrel req/rep", window,
                () -> new PetrelReqRepTrial(TCP, length, idle, SectionSupport.SETUP_TIMEOUT));
            final Outcome<Measurement> dealer = 1 == window ? Outcome.unavailable("-") :
                support.pipelined("JeroMQ DEALER/ROUTER", window, () -> new JeroMqDealerRouterTrial(length, setupMs));
            table.row(Integer.toString(window), SectionSupport.rateCell(petrel),
                SectionSupport.rateCell(lockStep) + (1 == window ? "" : " (lock-step: 1)"),
                SectionSupport.rateCell(dealer), SectionSupport.ratioCell(petrel, lockStep),
                SectionSupport.ratioCell(petrel, dealer));
        }
        return "### Pipelined request/reply throughput over TCP\n\n" +
            "- each pass sends " + String.format(Locale.ROOT, "%,d", support.options().roundTrips()) +
            " requests of 64 B (after warm-up passes of half as many), never more than the window unanswered; " +
            "req/s counts replies\n" +
            "- Petrel: a window of Requester.request(...) futures, each reply releasing a slot in its completion " +
            "callback (on the I/O thread)\n" +
            "- JeroMQ REQ/REP is lock-step (one request in flight by definition), so its figure repeats in every " +
            "row; DEALER/ROUTER is its pipelined peer: the calling thread sends and receives on the DEALER, a " +
            "ROUTER thread echoes\n\n" + table.render();
    }
}
