package dev.petrel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The NATS rows: pub/sub throughput with one and four subscribers and request/reply round trips, Petrel over TCP vs
 * NATS core through a nats-server this section starts on a free loopback port and stops at the end. Without the
 * binary, or when it will not start, every NATS cell says why and the Petrel cells are still measured.
 */
final class NatsSection
{
    private static final int[] SUBSCRIBERS = { 1, 4 };
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final SectionSupport support;
    private final PrintStream log;

    NatsSection(final SectionSupport support, final PrintStream log)
    {
        this.support = support;
        this.log = log;
    }

    String run()
    {
        final RunnerOptions options = support.options();
        String unavailable = null;
        NatsServer server = null;
        if (!NatsServer.isAvailable(options.natsServer()))
        {
            unavailable = "nats-server not found";
        }
        else
        {
            try
            {
                server = NatsServer.start(options.natsServer(), START_TIMEOUT);
            }
            catch (final IOException | RuntimeException ex)
            {
                unavailable = "nats-server did not start: " + Outcome.firstLine(ex);
            }
        }
        if (null != unavailable)
        {
            log.println("NATS: " + unavailable);
        }
        try
        {
            return "## Petrel vs NATS (jnats, " + serverVersion(unavailable) + ")\n\n" +
                pubSub(server, unavailable) + "\n" + requestReply(server, unavailable);
        }
        finally
        {
            if (null != server)
            {
                server.close();
            }
        }
    }

    private String serverVersion(final String unavailable)
    {
        return null == unavailable ? "local nats-server " + support.options().natsServer() : unavailable;
    }

    private String pubSub(final NatsServer server, final String unavailable)
    {
        final RunnerOptions options = support.options();
        final long messages = options.messagesBySize().get(SectionSupport.MESSAGE_LENGTH);
        final MarkdownTable table = new MarkdownTable("subscribers", "Petrel deliveries/s", "NATS deliveries/s",
            "Petrel / NATS", "lost Petrel / NATS");
        for (final int subscribers : SUBSCRIBERS)
        {
            final Outcome<Measurement> petrel = support.throughput("Petrel pub/sub x" + subscribers, messages,
                () -> new PetrelPubSubTrial(SectionSupport.MESSAGE_LENGTH, options.idleStrategy(),
                options.pubSubHighWaterMark(), options.petrelReceive(), SectionSupport.SETUP_TIMEOUT, subscribers));
            final Outcome<Measurement> nats = null == server ? Outcome.unavailable(unavailable) :
                support.throughput("NATS pub/sub x" + subscribers, messages, () -> new NatsPubSubTrial(
                server.url(), SectionSupport.MESSAGE_LENGTH, subscribers, SectionSupport.SETUP_TIMEOUT));
            table.row(Integer.toString(subscribers), SectionSupport.rateCell(petrel), SectionSupport.rateCell(nats),
                SectionSupport.ratioCell(petrel, nats),
                SectionSupport.lostCell(petrel) + " / " + SectionSupport.lostCell(nats));
        }
        return "### Pub/sub throughput, 64 B, TCP on 127.0.0.1\n\n" +
            "- each pass publishes " + ComparisonTable.rate(messages) + " messages (after warm-up passes of " +
            "half as many); a delivery is one message reaching one subscriber, so four subscribers mean four " +
            "deliveries per message\n" +
            "- Petrel: one node, publisher and subscribers as in the throughput section (send high-water mark " +
            ComparisonTable.rate(options.pubSubHighWaterMark()) + " per subscriber, drops counted as lost)\n" +
            "- NATS: one publishing connection (publish(String, byte[]), waits when its 5,000-message outgoing " +
            "queue is full) and one connection per subscriber counting in its Dispatcher thread; jnats defaults " +
            "otherwise, slow-consumer drops counted as lost\n\n" + table.render();
    }

    private String requestReply(final NatsServer server, final String unavailable)
    {
        final String idle = support.options().idleStrategy();
        final Outcome<LatencyResult> petrel = support.latency("Petrel req/rep TCP (NATS section)",
            () -> new PetrelReqRepTrial("tcp://127.0.0.1:0", SectionSupport.MESSAGE_LENGTH, idle,
            SectionSupport.SETUP_TIMEOUT));
        final Outcome<LatencyResult> nats = null == server ? Outcome.unavailable(unavailable) :
            support.latency("NATS request", () -> new NatsReqRepTrial(server.url(), SectionSupport.MESSAGE_LENGTH,
            SectionSupport.SETUP_TIMEOUT));
        final MarkdownTable table = ReqRepSection.latencyTable()
            .row(SectionSupport.latencyCells("Petrel Requester / Replier", "TCP, peer to peer", petrel))
            .row(SectionSupport.latencyCells("NATS request / Dispatcher replier", "TCP, through nats-server", nats));
        return "### Request/reply round trips, 64 B, one in flight\n\n" +
            "- NATS: Connection.request(subject, bytes, timeout) on one connection; the replier is a Dispatcher on " +
            "another connection publishing each request back to its reply subject (two hops through the server " +
            "per round trip)\n\n" + table.render();
    }
}
