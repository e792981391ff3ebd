/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.time.Duration;
import java.util.Locale;

/**
 * Formats the values reports share: counts with separators, rates, microseconds, durations, and the one-line
 * descriptions of the settings, the environment and the latency measurement.
 */
public final class ReportText
{
    private ReportText()
    {
    }

    /**
     * @param value a count.
     * @return it with thousands separators.
     */
    public static String count(final long value)
    {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * @param ratePerSec a send rate, 0 for unpaced.
     * @return {@code unpaced} or the rate with separators.
     */
    public static String rate(final long ratePerSec)
    {
        return 0 == ratePerSec ? "unpaced" : count(ratePerSec) + "/s";
    }

    /**
     * @param nanos a latency in nanoseconds.
     * @return it in microseconds with one decimal.
     */
    public static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    /**
     * @param duration a duration.
     * @return it as {@code 10s}, {@code 1500ms} or {@code -} for zero.
     */
    public static String duration(final Duration duration)
    {
        final long millis = duration.toMillis();
        return 0 == millis ? "-" : 0 == millis % 1000 ? millis / 1000 + "s" : millis + "ms";
    }

    /**
     * @param settings a workload.
     * @return one line naming everything that shapes its result.
     */
    public static String settings(final LoadSettings settings)
    {
        final LoadPattern pattern = settings.pattern();
        final String receivers = LoadPattern.REQREP == pattern ? "1 replier (echo), " + settings.inFlight() +
            " in flight per requester" : settings.receivers() + " " + pattern.receiverName() + "(s)";
        return "idle " + settings.idleStrategy() + ", " + count(settings.messageLength()) + " B messages, count " +
            (0 == settings.count() ? "-" : count(settings.count())) + ", duration " +
            duration(settings.duration()) + ", " + settings.senders() + " " + pattern.senderName() + "(s), " +
            receivers + ", warm-up " + duration(settings.warmup()) + ", time cap " + duration(settings.timeCap());
    }

    /**
     * @param environment a JVM and machine.
     * @return one line describing them.
     */
    public static String environment(final RunEnvironment environment)
    {
        return environment.jvm() + ", GC " + environment.gc() + ", " + environment.cores() + " cores, " +
            environment.os() + (environment.loadAverage() < 0 ? "" :
            String.format(Locale.ROOT, ", load average %.2f", environment.loadAverage()));
    }

    /**
     * @param report a report.
     * @return one line saying what latency means in it and whether it is corrected for coordinated omission.
     */
    public static String latency(final LoadReport report)
    {
        final String kind = report.settings().pattern().latencyKind();
        if (!report.latencyRecorded())
        {
            return "none recorded: nothing arrived, or the sender is on another host, whose System.nanoTime is not " +
                "comparable with this one (throughput only)";
        }
        return report.coordinatedOmissionCorrected() ?
            kind + ", measured from each message's intended send time at the fixed rate " +
                "(corrected for coordinated omission)" :
            kind + ", measured from the actual send time; sending was not paced, so queueing behind a stalled " +
                "sender is not counted (not corrected for coordinated omission; use --rate)";
    }
}
