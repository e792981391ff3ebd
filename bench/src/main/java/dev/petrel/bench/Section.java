package dev.petrel.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A part of the comparison that {@code --only} can pick by name.
 */
public enum Section
{
    /** Petrel vs JeroMQ push/pull and pub/sub throughput over TCP. */
    THROUGHPUT("throughput"),
    /** Request/reply round-trip latency and pipelined throughput, Petrel vs JeroMQ REQ/REP and DEALER/ROUTER. */
    REQREP("reqrep"),
    /** Pub/sub throughput and request/reply latency, Petrel vs NATS through a local nats-server. */
    NATS("nats"),
    /** Ping-pong latency and throughput over Aeron UDP and IPC, Petrel vs raw Aeron. */
    AERON("aeron"),
    /** Plain-JDK physical references: TCP streaming and ping-pong, thread hand-off, fsync. */
    REFERENCE("reference"),
    /** Durable push/pull against the same stream without a side log; side-log append rates beside fsync. */
    DURABLE("durable");

    private final String label;

    Section(final String label)
    {
        this.label = label;
    }

    /**
     * @return the name used on the command line.
     */
    public String label()
    {
        return label;
    }

    /**
     * @param list comma-separated section names, e.g. {@code reqrep,nats}.
     * @return the sections named.
     * @throws IllegalArgumentException for an unknown or empty list.
     */
    public static Set<Section> parseList(final String list)
    {
        final Set<Section> sections = EnumSet.noneOf(Section.class);
        for (final String name : list.split(","))
        {
            sections.add(parse(name));
        }
        return sections;
    }

    private static Section parse(final String name)
    {
        final String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (final Section section : values())
        {
            if (section.label.equals(wanted))
            {
                return section;
            }
        }
        throw new IllegalArgumentException("unknown section '" + name + "': use throughput, reqrep, nats, aeron, " +
            "reference or durable");
    }
}
