/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import dev.petrel.bench.load.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code petrel bench}: measures throughput and latency percentiles of one pattern over one transport, in this
 * process on loopback, or as one side of a two-process run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Measure throughput (msg/s, MB/s) and latency percentiles (HdrHistogram) of a pattern over a transport.",
        "By default every socket runs in this process on loopback. Each payload carries its send time " +
            "(System.nanoTime); receivers record one-way latency, requesters the round trip. With --rate, sending " +
            "is paced and latency counts from each message's intended send time (corrected for coordinated " +
            "omission)."
    },
    footer = {
        "",
        "Examples:",
        "  petrel bench pushpull --count 1000000 --size 256",
        "  petrel bench pubsub --transport aeron-ipc --subs 2 --duration 10s \\",
        "      --warmup 2s --plot lat.svg",
        "  petrel bench reqrep --in-flight 16 --sweep 10000,50000 --duration 5s --json",
        "  petrel bench pushpull --role puller --endpoint tcp://127.0.0.1:5560 \\",
        "      --count 100000 &",
        "  petrel bench pushpull --role pusher --endpoint tcp://127.0.0.1:5560 \\",
        "      --count 100000"
    })
final class BenchCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "pubsub, pushpull or reqrep.")
    String pattern;

    @Option(names = "--transport", paramLabel = "T", description = "tcp (default), aeron-udp, aeron-ipc or inproc.")
    String transport = "tcp";

    @Option(names = "--size", paramLabel = "BYTES", converter = SizeConverter.class,
        description = "Payload size (default 64, at least 16).")
    int size = 64;

    @Option(names = "--count", paramLabel = "N", converter = PositiveLongConverter.class,
        description = "Messages to send in total (default 100,000 unless --duration is given).")
    Long count;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
        description = "Send for this long (with --count, whichever ends first).")
    Duration duration;

    @Option(names = "--rate", paramLabel = "PER_SEC", converter = PositiveLongConverter.class,
        description = "Total messages per second, paced; latency counts from intended send times.")
    Long rate;

    @Option(names = "--sweep", paramLabel = "RATE", split = ",", converter = PositiveLongConverter.class,
        description = "Run once at each of these total rates and report percentiles per rate.")
    List<Long> sweep;

    @Option(names = "--pubs", paramLabel = "N", description = "Publishers, pushers or requesters (default 1).")
    int pubs = 1;

    @Option(names = "--subs", paramLabel = "N",
        description = "Subscribers or pullers (default 1); for --role pub, subscribers to wait for.")
    int subs = 1;

    @Option(names = "--in-flight", paramLabel = "N", description = "Requests each requester keeps in flight (1).")
    int inFlight = 1;

    @Option(names = "--warmup", paramLabel = "D", converter = DurationConverter.class,
        description = "Send for this long first and discard it (default none).")
    Duration warmup = Duration.ZERO;

    @Option(names = "--time-cap", paramLabel = "D", converter = DurationConverter.class,
        description = "Hard limit on the measured phase (default 60s, or the duration plus 10s).")
    Duration timeCap;

    @Option(names = "--idle", paramLabel = "STRATEGY",
        description = "The nodes' idle strategy: backoff (default), busy-spin or sleeping.")
    String idle = "backoff";

    @Option(names = "--json", description = "Print one JSON document instead of the table.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one CSV row per rate.")
    Path csv;

    @Option(names = "--hgrm", paramLabel = "FILE",
        description = "Also write HdrHistogram's percentile distribution (a sweep adds the rate to the name).")
    Path hgrm;

    @Option(names = "--plot", paramLabel = "FILE",
        description = "Also draw latency by percentile: PNG for a .png FILE, SVG otherwise.")
    Path plot;

    @Option(names = "--role", paramLabel = "ROLE",
        description = "Run one side only: pub, sub, pusher, puller, requester or replier (needs --endpoint).")
    String role;

    @Option(names = "--endpoint", paramLabel = "E",
        description = "With --role: where receivers (sub, puller, replier) bind and senders connect.")
    String endpoint;

    @Option(names = "--same-host",
        description = "With a receiving --role: the sender runs on this host, so record one-way latency (the " +
            "default for a loopback endpoint).")
    boolean sameHost;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        final BenchSettings settings = new BenchSettings(this, spec.commandLine());
        final BenchProgress progress = new BenchProgress(spec.commandLine().getErr());
        final LoadReport report;
        try
        {
            report = settings.run(progress);
        }
        finally
        {
            progress.finish();
        }
        new BenchOutput(spec.commandLine().getOut(), spec.commandLine().getErr()).write(report, this);
        return ExitCodes.OK;
    }
}
