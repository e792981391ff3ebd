package dev.petrel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

import org.zeromq.ZMQ;

/**
 * Measures Petrel beside its peers in one run on one machine, sender and receiver in this JVM, each library doing the
 * same work with its cheapest calls: TCP push/pull and pub/sub throughput vs JeroMQ; request/reply latency and
 * pipelined throughput vs JeroMQ REQ/REP and DEALER/ROUTER; pub/sub and request/reply vs NATS; ping-pong and
 * throughput over Aeron UDP and IPC vs raw Aeron; and plain-JDK physical references. Every row runs warm-up passes
 * (see {@link WarmUp}) and then a measured pass on the same connected sockets. {@code --only} picks sections.
 * Prints one markdown document and writes it to {@code <results-dir>/comparison-<timestamp>.md} and to
 * {@code --out}.
 * <p>
 * Runs its trials one at a time on the calling thread; not meant to share the machine with other load.
 */
public final class ComparisonRunner
{
    private static final int[] MESSAGE_LENGTHS = { 64, 1024 };
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final RunnerOptions options;
    private final PrintStream log;

    /**
     * @param options what to run.
     * @param log     receives progress lines.
     */
    public ComparisonRunner(final RunnerOptions options, final PrintStream log)
    {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs the comparison; exits with 2 on a usage error and 1 when a trial fails.
     *
     * @param args see {@link RunnerOptions#USAGE}.
     */
    public static void main(final String[] args)
    {
        final RunnerOptions options;
        try
        {
            options = RunnerOptions.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println(ex.getMessage());
            System.err.println(RunnerOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help())
        {
            System.out.println(RunnerOptions.USAGE);
            return;
        }
        try
        {
            final ComparisonRunner runner = new ComparisonRunner(options, System.err);
            final String report = runner.run();
            System.out.print(report);
            for (final Path written : runner.write(report))
            {
                System.err.println("written to " + written);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            ex.printStackTrace(System.err);
            System.exit(1);
        }
    }

    /**
     * Runs the sections the options select, in order, and the fractions of the physical references.
     *
     * @return the report in markdown.
     */
    public String run()
    {
        final double loadBefore = MachineInfo.loadAverage();
        final Findings findings = new Findings();
        final SectionSupport support = new SectionSupport(options, log);
        final StringBuilder body = new StringBuilder(8192);
        if (options.runs(Section.THROUGHPUT))
        {
            body.append(throughput(findings)).append('\n');
        }
        if (options.runs(Section.REQREP))
        {
            body.append(new ReqRepSection(support, findings).run()).append('\n');
        }
        if (options.runs(Section.NATS))
        {
            body.append(new NatsSection(support, log).run()).append('\n');
        }
        if (options.runs(Section.AERON))
        {
            body.append(new AeronSection(support, findings).run()).append('\n');
        }
        if (options.runs(Section.REFERENCE))
        {
            body.append(new ReferenceSection(support, findings).run()).append('\n');
            body.append(new FractionSection(findings).run()).append('\n');
        }
        if (options.runs(Section.DURABLE))
        {
            body.append(new DurableSection(support).run()).append('\n');
        }
        final double loadAfter = MachineInfo.loadAverage();
        return ReportHeader.render(options, loadBefore, loadAfter) + "\n" + body;
    }

    private String throughput(final Findings findings)
    {
        final List<ComparisonRow> rows = new ArrayList<>();
        for (final Workload workload : Workload.values())
        {
            for (final int length : MESSAGE_LENGTHS)
            {
                final ComparisonRow row = runRow(workload, length);
                rows.add(row);
                if (Workload.PUSH_PULL == workload && 64 == length)
                {
                    findings.rate(Findings.PETREL_PUSHPULL_TCP_64, row.petrel().messagesPerSecond());
                }
            }
        }
        return ComparisonTable.render("Petrel vs JeroMQ " + jeromqVersion() + ": TCP throughput on 127.0.0.1",
            notes(), rows) + "\n" + new PubSubFanOutTable(new SectionSupport(options, log)).run();
    }

    private ComparisonRow runRow(final Workload workload, final int length)
    {
        final Measurement petrel = measure("Petrel", workload, length, () -> openPetrel(workload, length));
        final Measurement jeromq = measure("JeroMQ", workload, length, () -> openJeroMq(workload, length));
        final ComparisonRow row = new ComparisonRow(workload, length, petrel, jeromq);
        log.println(ComparisonTable.row(row));
        return row;
    }

    private Measurement measure(
        final String library, final Workload workload, final int length, final Supplier<ThroughputTrial> opener)
    {
        System.gc();
        try (ThroughputTrial trial = opener.get())
        {
            final Measurement[] warmUp = new Measurement[1];
            final int warmUpPasses = WarmUp.run(options.minWarmUpNs(),
                () -> warmUp[0] = trial.run(options.warmUpPass(length)));
            final Measurement measured = trial.run(options.measuredPass(length));
            log.printf(Locale.ROOT, "%s %s %d B: last of %d warm-up passes %s msg/s, measured %s msg/s, lost %d%n",
                library, workload.label(), length, warmUpPasses, ComparisonTable.rate(warmUp[0].messagesPerSecond()),
                ComparisonTable.rate(measured.messagesPerSecond()), measured.lost());
            return measured;
        }
    }

    private ThroughputTrial openPetrel(final Workload workload, final int length)
    {
        return Workload.PUSH_PULL == workload ?
            new PetrelPushPullTrial(length, options.idleStrategy(), options.petrelReceive(), SETUP_TIMEOUT) :
            new PetrelPubSubTrial(length, options.idleStrategy(), options.pubSubHighWaterMark(),
                options.petrelReceive(), SETUP_TIMEOUT);
    }

    private ThroughputTrial openJeroMq(final Workload workload, final int length)
    {
        return Workload.PUSH_PULL == workload ?
            new JeroMqPushPullTrial(length, SETUP_TIMEOUT) :
            new JeroMqPubSubTrial(length, options.pubSubHighWaterMark(), SETUP_TIMEOUT);
    }

    private List<String> notes()
    {
        final List<String> notes = new ArrayList<>();
        notes.add("measured pass: " + count(64) + " messages of 64 B, " + count(1024) +
            " of 1024 B; warm-up passes: half as many each; time cap " + options.timeCap().toSeconds() +
            " s per measured pass");
        notes.add("Petrel: one node (one I/O thread, idle strategy " + options.idleStrategy() +
            "), send with the buffer API, receive in the I/O-thread callback (" +
            (PetrelReceive.BUFFER == options.petrelReceive() ? "zero-copy buffer view" : "Message per message") +
            ")");
        notes.add("JeroMQ: one context with one I/O thread, send(byte[]) on the sending thread, recv() on a " +
            "receiving thread");
        notes.add("pub/sub: one subscriber, send high-water mark " + String.format(Locale.ROOT, "%,d",
            options.pubSubHighWaterMark()) + " messages for both, drops counted as lost; push/pull: default " +
            "high-water marks (1,000) for both");
        return notes;
    }

    private String count(final int length)
    {
        return String.format(Locale.ROOT, "%,d", options.messagesBySize().get(length));
    }

    /**
     * Writes the report to the results directory and to {@code --out}.
     *
     * @param report the markdown.
     * @return the files written.
     * @throws IOException when a file cannot be written.
     */
    public List<Path> write(final String report) throws IOException
    {
        final List<Path> written = new ArrayList<>();
        final Path results = options.resultsDir().resolve("comparison-" + LocalDateTime.now().format(STAMP) + ".md");
        written.add(writeFile(results, report));
        if (null != options.out())
        {
            written.add(writeFile(options.out(), report));
        }
        return written;
    }

    private static Path writeFile(final Path file, final String text) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (null != parent)
        {
            Files.createDirectories(parent);
        }
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * @return the JeroMQ version on the class path, from its Maven metadata, or "(unknown version)".
     */
    static String jeromqVersion()
    {
        try (InputStream in = ZMQ.class.getResourceAsStream("/META-INF/maven/org.zeromq/jeromq/pom.properties"))
        {
            if (null != in)
            {
                final Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "(unknown version)");
            }
        }
        catch (final IOException ignore)
        {
            // fall through to the unknown version
        }
        return "(unknown version)";
    }
}
