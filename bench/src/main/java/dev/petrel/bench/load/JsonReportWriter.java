/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.List;

/**
 * Writes a report as one JSON document, schema {@value #SCHEMA} (described in the bench module's README).
 * Latencies are integers in nanoseconds; rates are per second.
 */
public final class JsonReportWriter
{
    /** The schema name and version written in every document. */
    public static final String SCHEMA = "petrel-bench/1";

    private JsonReportWriter()
    {
    }

    /**
     * @param report what to write.
     * @return the document, on one line.
     */
    public static String toJson(final LoadReport report)
    {
        final LoadSettings settings = report.settings();
        final JsonText json = new JsonText().beginObject(null)
            .field("schema", SCHEMA)
            .field("pattern", settings.pattern().label())
            .field("transport", settings.transport().label())
            .field("mode", report.mode());
        settings(settings, json);
        environment(report.environment(), json);
        json.beginObject("latency")
            .field("kind", settings.pattern().latencyKind())
            .field("unit", "ns")
            .field("coordinated_omission_corrected", report.coordinatedOmissionCorrected())
            .field("recorded", report.latencyRecorded())
            .endObject();
        json.beginArray("runs");
        for (final LoadResult result : report.results())
        {
            run(result, json);
        }
        return json.endArray().endObject().toString();
    }

    private static void settings(final LoadSettings settings, final JsonText json)
    {
        json.beginObject("settings")
            .field("idle_strategy", settings.idleStrategy())
            .field("message_bytes", settings.messageLength())
            .field("count", settings.count())
            .field("duration_ms", settings.duration().toMillis())
            .field("rate_per_sec", settings.ratePerSec())
            .field("senders", settings.senders())
            .field("receivers", LoadPattern.REQREP == settings.pattern() ? 1 : settings.receivers())
            .field("in_flight", settings.inFlight())
            .field("warmup_ms", settings.warmup().toMillis())
            .field("time_cap_ms", settings.timeCap().toMillis())
            .endObject();
    }

    private static void environment(final RunEnvironment environment, final JsonText json)
    {
        json.beginObject("environment")
            .field("jvm", environment.jvm())
            .field("gc", environment.gc())
            .field("cores", environment.cores())
            .field("os", environment.os())
            .field("load_average", environment.loadAverage())
            .endObject();
    }

    private static void run(final LoadResult result, final JsonText json)
    {
        json.beginObject(null)
            .field("rate_per_sec", result.settings().ratePerSec())
            .field("sent", result.sent())
            .field("received", result.received())
            .field("lost", result.lost())
            .field("failures", result.failures())
            .field("capped", result.capped())
            .field("elapsed_ns", result.aggregate().elapsedNs())
            .field("msg_per_sec", result.aggregate().messagesPerSec())
            .field("mb_per_sec", result.aggregate().megabytesPerSec());
        latency(result.latency(), json);
        sockets("senders", result.senders(), json);
        sockets("receivers", result.receivers(), json);
        json.endObject();
    }

    private static void latency(final LatencySummary latency, final JsonText json)
    {
        if (0 == latency.count())
        {
            json.nullField("latency_ns");
            return;
        }
        json.beginObject("latency_ns").field("count", latency.count()).field("mean", latency.mean());
        final long[] values = latency.values();
        for (int i = 0; i < values.length; i++)
        {
            json.field(LatencySummary.LABELS[i], values[i]);
        }
        json.endObject();
    }

    private static void sockets(final String key, final List<Throughput> sockets, final JsonText json)
    {
        json.beginArray(key);
        for (final Throughput socket : sockets)
        {
            json.beginObject(null)
                .field("index", socket.index())
                .field("messages", socket.messages())
                .field("msg_per_sec", socket.messagesPerSec())
                .field("mb_per_sec", socket.megabytesPerSec())
                .endObject();
        }
        json.endArray();
    }
}
