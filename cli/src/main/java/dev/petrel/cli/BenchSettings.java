/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.util.List;
import java.util.Set;

import dev.petrel.bench.load.LoadPattern;
import dev.petrel.bench.load.LoadReport;
import dev.petrel.bench.load.LoadResult;
import dev.petrel.bench.load.LoadRole;
import dev.petrel.bench.load.LoadRunner;
import dev.petrel.bench.load.LoadSettings;
import dev.petrel.bench.load.LoadTransport;
import dev.petrel.bench.load.RunEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns {@code petrel bench}'s options into a workload, rejecting inconsistent ones as usage errors, and runs it:
 * in process, as a rate sweep, or as one side of a two-process run.
 */
final class BenchSettings
{
    private static final Set<String> IDLE_STRATEGIES = Set.of("backoff", "busy-spin", "sleeping");

    private final BenchCommand options;
    private final CommandLine commandLine;
    private final LoadSettings settings;
    private final LoadRole role;

    /**
     * @param options     the parsed options.
     * @param commandLine for usage errors.
     * @throws ParameterException when the options do not make a workload.
     */
    BenchSettings(final BenchCommand options, final CommandLine commandLine)
    {
        this.options = options;
        this.commandLine = commandLine;
        try
        {
            final LoadPattern pattern = LoadPattern.fromLabel(options.pattern);
            role = null == options.role ? null : LoadRole.fromLabel(options.role);
            checkCombination(pattern);
            final LoadTransport transport = null == role ? LoadTransport.fromLabel(options.transport) :
                BenchEndpoints.transportOf(options.endpoint);
            settings = build(pattern, transport);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(commandLine, ex.getMessage(), ex);
        }
    }

    private void checkCombination(final LoadPattern pattern)
    {
        if (!IDLE_STRATEGIES.contains(options.idle))
        {
            usage("--idle must be backoff, busy-spin or sleeping, not '" + options.idle + "'");
        }
        if (null != options.sweep && null != options.rate)
        {
            usage("give --rate or --sweep, not both");
        }
        if ((null == role) != (null == options.endpoint))
        {
            usage("--role and --endpoint go together");
        }
        if (null != role && role.pattern() != pattern)
        {
            usage("role " + role.label() + " belongs to " + role.pattern().label() + ", not " + pattern.label());
        }
        if (null != role && null != options.sweep)
        {
            usage("--sweep runs in one process; use --rate with --role");
        }
        if (options.size < LoadSettings.MIN_MESSAGE_LENGTH)
        {
            usage("--size must be at least " + LoadSettings.MIN_MESSAGE_LENGTH + " (the time stamp)");
        }
    }

    private LoadSettings build(final LoadPattern pattern, final LoadTransport transport)
    {
        final LoadSettings.Builder builder = LoadSettings.builder(pattern, transport)
            .idleStrategy(options.idle)
            .messageLength(options.size)
            .senders(null == role ? options.pubs : 1)
            .receivers(null == role || LoadRole.PUB == role ? options.subs : 1)
            .inFlight(options.inFlight)
            .warmup(options.warmup)
            .ratePerSec(null == options.rate ? 0 : options.rate);
        if (null != options.count)
        {
            builder.count(options.count);
        }
        if (null != options.duration)
        {
            builder.duration(options.duration);
        }
        if (null != options.timeCap)
        {
            builder.timeCap(options.timeCap);
        }
        return builder.build();
    }

    private void usage(final String message)
    {
        throw new ParameterException(commandLine, message);
    }

    /**
     * Runs the workload.
     *
     * @param progress hears about it while it runs.
     * @return the report.
     */
    LoadReport run(final BenchProgress progress)
    {
        final LoadRunner runner = new LoadRunner(progress);
        final List<LoadResult> results;
        final String mode;
        if (null == role)
        {
            mode = LoadReport.IN_PROCESS;
            results = null == options.sweep ? List.of(runner.run(settings)) :
                runner.sweep(settings, options.sweep.stream().mapToLong(Long::longValue).toArray());
        }
        else if (role.sending())
        {
            mode = "two-process, the " + role.label() + " side, connected to " + options.endpoint;
            results = List.of(runner.runSender(role, options.endpoint, settings));
        }
        else
        {
            final boolean latency = options.sameHost || BenchEndpoints.isLocal(options.endpoint);
            mode = "two-process, the " + role.label() + " side, bound to " + options.endpoint +
                (latency ? "; latency from the sender's clock on this host" : "");
            results = List.of(runner.runReceiver(role, options.endpoint, settings, latency));
        }
        return new LoadReport(settings, mode, RunEnvironment.detect(), results);
    }
}
