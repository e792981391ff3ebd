package dev.petrel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.petrel.transport.IdleStrategies;

/**
 * The comparison runner's command line, parsed. Default mode sends enough messages for steady figures within about
 * six minutes; {@code --quick} sends fewer and finishes within about two minutes.
 *
 * @param quick             true for the quick mode.
 * @param messagesBySize    measured messages per pass, by payload length; warm-up passes send half as many.
 * @param timeCap           the longest a measured pass may run; warm-up passes get half of it.
 * @param pubSubHighWaterMark send (and receive) high-water mark of both libraries' pub/sub sockets, in messages.
 * @param idleStrategy      the Petrel node's I/O idle strategy.
 * @param petrelReceive     which Petrel receive callback counts.
 * @param resultsDir        where {@code comparison-<timestamp>.md} is written.
 * @param out               another file to write the report to, or null.
 * @param sections          the sections to run.
 * @param roundTrips        measured round trips per latency row; warm-up runs half as many.
 * @param rowTimeCap        the longest a measured latency, request/reply, NATS, Aeron or reference pass may run.
 * @param warmUp            how long each row repeats its warm-up pass at least (see {@link WarmUp}).
 * @param natsServer        the nats-server binary.
 * @param help              true when usage was asked for.
 */
public record RunnerOptions(
    boolean quick,
    Map<Integer, Long> messagesBySize,
    Duration timeCap,
    int pubSubHighWaterMark,
    String idleStrategy,
    PetrelReceive petrelReceive,
    Path resultsDir,
    Path out,
    Set<Section> sections,
    long roundTrips,
    Duration rowTimeCap,
    Duration warmUp,
    Path natsServer,
    boolean help)
{
    /** Printed for {@code --help} and after a usage error. */
    public static final String USAGE = String.join(System.lineSeparator(),
        "usage: java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -jar petrel-bench.jar [options]",
        "  --quick               small counts: the whole run takes under two minutes",
        "  --only LIST           run only these sections: throughput,reqrep,nats,aeron,reference,durable",
        "                        (default all)",
        "  --messages N          measured messages per throughput pass for every size (warm-up sends N/2)",
        "  --round-trips N       measured round trips per latency row, requests per pipelined row (quick 10000)",
        "  --time-cap SECONDS    longest throughput pass (default 20, quick 4)",
        "  --row-cap SECONDS     longest pass of the other sections (default 8, quick 3)",
        "  --warm-up MS          each row repeats its warm-up pass for at least MS milliseconds (default 2000,",
        "                        quick 500; 0 for a single warm-up pass)",
        "  --nats-server PATH    nats-server binary (default /usr/sbin/nats-server)",
        "  --idle NAME           Petrel idle strategy: backoff (default), busy-spin or sleeping",
        "  --petrel-receive M    buffer (zero-copy view, default) or message (a Message per message)",
        "  --pubsub-hwm N        pub/sub send high-water mark for both libraries (default 100000)",
        "  --results-dir DIR     where comparison-<timestamp>.md goes (default bench/results)",
        "  --out FILE            also write the report to FILE",
        "  --help                print this");

    private static final Map<Integer, Long> DEFAULT_COUNTS = Map.of(64, 4_000_000L, 1024, 1_000_000L);
    private static final Map<Integer, Long> QUICK_COUNTS = Map.of(64, 400_000L, 1024, 100_000L);
    private static final long WARM_UP_MS = 2_000;
    private static final long QUICK_WARM_UP_MS = 500;
    private static final long DEFAULT_ROUND_TRIPS = 200_000;
    private static final long QUICK_ROUND_TRIPS = 10_000;
    private static final Path NATS_SERVER_DEFAULT = Path.of("/usr/sbin/nats-server");

    /**
     * @param args the command line.
     * @return the options.
     * @throws IllegalArgumentException for an unknown option or a bad value.
     */
    public static RunnerOptions parse(final String... args)
    {
        boolean quick = false;
        long messages = 0;
        long timeCapSeconds = 0;
        int highWaterMark = 100_000;
        String idle = "backoff";
        PetrelReceive receive = PetrelReceive.BUFFER;
        Path resultsDir = defaultResultsDir();
        Path out = null;
        Set<Section> sections = EnumSet.allOf(Section.class);
        long roundTrips = 0;
        long rowCapSeconds = 0;
        long warmUpMs = -1;
        Path natsServer = NATS_SERVER_DEFAULT;
        boolean help = false;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--quick" -> quick = true;
                case "--help", "-h" -> help = true;
                case "--messages" -> messages = positive(args[i], value(args, ++i));
                case "--time-cap" -> timeCapSeconds = positive(args[i], value(args, ++i));
                case "--pubsub-hwm" -> highWaterMark = (int)Math.min(1 << 24, positive(args[i], value(args, ++i)));
                case "--idle" -> idle = IdleStrategies.parse(value(args, ++i)).settingName();
                case "--petrel-receive" -> receive = PetrelReceive.parse(value(args, ++i));
                case "--results-dir" -> resultsDir = Path.of(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--only" -> sections = Section.parseList(value(args, ++i));
                case "--round-trips" -> roundTrips = positive(args[i], value(args, ++i));
                case "--row-cap" -> rowCapSeconds = positive(args[i], value(args, ++i));
                case "--warm-up" -> warmUpMs = notNegative(args[i], value(args, ++i));
                case "--nats-server" -> natsServer = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final long cap = 0 != timeCapSeconds ? timeCapSeconds : quick ? 4 : 20;
        final long rowCap = 0 != rowCapSeconds ? rowCapSeconds : quick ? 3 : 8;
        final long trips = 0 != roundTrips ? roundTrips : quick ? QUICK_ROUND_TRIPS : DEFAULT_ROUND_TRIPS;
        final long warmUp = warmUpMs >= 0 ? warmUpMs : quick ? QUICK_WARM_UP_MS : WARM_UP_MS;
        return new RunnerOptions(quick, counts(quick, messages), Duration.ofSeconds(cap), highWaterMark, idle,
            receive, resultsDir, out, sections, trips, Duration.ofSeconds(rowCap), Duration.ofMillis(warmUp),
            natsServer, help);
    }

    private static Map<Integer, Long> counts(final boolean quick, final long messages)
    {
        if (0 != messages)
        {
            return Map.of(64, messages, 1024, messages);
        }
        return quick ? QUICK_COUNTS : DEFAULT_COUNTS;
    }

    private static Path defaultResultsDir()
    {
        return Files.isDirectory(Path.of("bench")) ? Path.of("bench", "results") : Path.of("results");
    }

    private static String value(final String[] args, final int index)
    {
        if (index >= args.length)
        {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static long notNegative(final String option, final String text)
    {
        return atLeast(0, option, text, "a whole number of zero or more");
    }

    private static long positive(final String option, final String text)
    {
        return atLeast(1, option, text, "a positive whole number");
    }

    private static long atLeast(final long min, final String option, final String text, final String wanted)
    {
        try
        {
            final long value = Long.parseLong(text.replace("_", ""));
            if (value >= min)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " needs " + wanted + ", not '" + text + "'");
    }

    /**
     * @param messageLength a payload length the runner measures.
     * @return the measured pass's bounds for that length.
     */
    public PassPlan measuredPass(final int messageLength)
    {
        return new PassPlan(messagesBySize.get(messageLength), timeCap.toNanos());
    }

    /**
     * @param messageLength a payload length the runner measures.
     * @return the warm-up pass's bounds: half the messages, half the time cap.
     */
    public PassPlan warmUpPass(final int messageLength)
    {
        return new PassPlan(Math.max(1, messagesBySize.get(messageLength) / 2), timeCap.toNanos() / 2);
    }

    /**
     * @return how long each row's warm-up passes go on at least: {@code --warm-up}, else {@value #WARM_UP_MS} ms,
     *         {@value #QUICK_WARM_UP_MS} ms in the quick mode (see {@link WarmUp}).
     */
    public long minWarmUpNs()
    {
        return warmUp.toNanos();
    }

    /**
     * @param section a section.
     * @return true when this run includes it.
     */
    public boolean runs(final Section section)
    {
        return sections.contains(section);
    }

    /**
     * @return the measured pass of a latency row: {@link #roundTrips()} round trips within the row time cap.
     */
    public PassPlan roundTripPass()
    {
        return new PassPlan(roundTrips, rowTimeCap.toNanos());
    }

    /**
     * @return the warm-up pass of a latency row: half the round trips, half the row time cap.
     */
    public PassPlan roundTripWarmUp()
    {
        return new PassPlan(Math.max(1, roundTrips / 2), rowTimeCap.toNanos() / 2);
    }

    /**
     * @param messages measured messages of a row outside the throughput section.
     * @return the measured pass: that many messages within the row time cap.
     */
    public PassPlan rowPass(final long messages)
    {
        return new PassPlan(messages, rowTimeCap.toNanos());
    }

    /**
     * @param messages measured messages of a row outside the throughput section.
     * @return the warm-up pass: half as many within half the row time cap.
     */
    public PassPlan rowWarmUp(final long messages)
    {
        return new PassPlan(Math.max(1, messages / 2), rowTimeCap.toNanos() / 2);
    }
}
