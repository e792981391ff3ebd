package dev.petrel.bench;

import java.util.Locale;

/**
 * The throughput section's fan-out row: 64 B pub/sub over TCP from one publisher to four subscribers, Petrel vs
 * JeroMQ, with the section's passes and send high-water mark. Rates and losses count deliveries, one per message per
 * subscriber. A library whose row fails says why in its cells; the run goes on.
 * <p>
 * Runs its trials one at a time on the calling thread.
 */
final class PubSubFanOutTable
{
    /** Subscribers per publisher in this row. */
    static final int SUBSCRIBERS = 4;

    private final SectionSupport support;

    PubSubFanOutTable(final SectionSupport support)
    {
        this.support = support;
    }

    String run()
    {
        final RunnerOptions options = support.options();
        final int length = SectionSupport.MESSAGE_LENGTH;
        final PassPlan warmUp = options.warmUpPass(length);
        final PassPlan measured = options.measuredPass(length);
        final Outcome<Measurement> petrel = support.throughput("Petrel pub/sub TCP x" + SUBSCRIBERS, warmUp,
            measured, () -> new PetrelPubSubTrial(length, options.idleStrategy(), options.pubSubHighWaterMark(),
            options.petrelReceive(), SectionSupport.SETUP_TIMEOUT, SUBSCRIBERS));
        final Outcome<Measurement> jeromq = support.throughput("JeroMQ pub/sub TCP x" + SUBSCRIBERS, warmUp,
            measured, () -> new JeroMqPubSubTrial(length, options.pubSubHighWaterMark(), SectionSupport.SETUP_TIMEOUT,
            SUBSCRIBERS));
        return render(measured.messages(), options.pubSubHighWaterMark(), petrel, jeromq);
    }

    /**
     * @param messages      messages each measured pass publishes.
     * @param highWaterMark both publishers' send high-water mark per subscriber.
     * @param petrel        Petrel's measured pass.
     * @param jeromq        JeroMQ's measured pass.
     * @return the markdown: a heading, notes and a one-row table.
     */
    static String render(
        final long messages, final int highWaterMark, final Outcome<Measurement> petrel,
        final Outcome<Measurement> jeromq)
    {
        final MarkdownTable table = new MarkdownTable("subscribers", "size", "Petrel deliveries/s",
            "JeroMQ deliveries/s", "Petrel/JeroMQ", "lost Petrel / JeroMQ")
            .row(Integer.toString(SUBSCRIBERS), SectionSupport.MESSAGE_LENGTH + " B", SectionSupport.rateCell(petrel),
            SectionSupport.rateCell(jeromq), SectionSupport.ratioCell(petrel, jeromq),
            SectionSupport.lostCell(petrel) + " / " + SectionSupport.lostCell(jeromq));
        return "### Pub/sub to " + SUBSCRIBERS + " subscribers, TCP on 127.0.0.1\n\n" +
            "- each pass publishes " + count(messages) + " messages (after warm-up passes of half as many); a " +
            "delivery is one message reaching one subscriber, so rates and losses count " + SUBSCRIBERS +
            " deliveries per message\n" +
            "- Petrel: one node, one publisher and " + SUBSCRIBERS + " subscriber sockets (one TCP connection " +
            "each), all counting on the node's one I/O thread\n" +
            "- JeroMQ: one context with one I/O thread, one PUB and " + SUBSCRIBERS + " SUB sockets, each SUB " +
            "counting with recv() on its own receiving thread\n" +
            "- send high-water mark " + count(highWaterMark) + " messages per subscriber for both, drops counted " +
            "as lost\n\n" + table.render();
    }

    private static String count(final long value)
    {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
