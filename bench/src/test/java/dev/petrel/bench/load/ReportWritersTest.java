/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWritersTest
{
    private static final byte[] PNG_SIGNATURE = { (byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteJsonThatParsesBackWithEveryDocumentedKey()
    {
        final Map<String, Object> document =
            (Map<String, Object>)MiniJson.parse(JsonReportWriter.toJson(SyntheticReports.pushPull(1000, 2000)));

        assertEquals(List.of("schema", "pattern", "transport", "mode", "settings", "environment", "latency", "runs"),
            List.copyOf(document.keySet()));
        assertEquals("petrel-bench/1", document.get("schema"));
        assertEquals("pushpull", document.get("pattern"));
        final Map<String, Object> settings = (Map<String, Object>)document.get("settings");
        assertEquals(List.of("idle_strategy", "message_bytes", "count", "duration_ms", "rate_per_sec", "senders",
            "receivers", "in_flight", "warmup_ms", "time_cap_ms"), List.copyOf(settings.keySet()));
        final Map<String, Object> environment = (Map<String, Object>)document.get("environment");
        assertEquals("Test \"VM\" 17", environment.get("jvm"));
        assertEquals(List.of("jvm", "gc", "cores", "os", "load_average"), List.copyOf(environment.keySet()));
        final Map<String, Object> latency = (Map<String, Object>)document.get("latency");
        assertEquals(Boolean.TRUE, latency.get("coordinated_omission_corrected"));
        assertEquals("ns", latency.get("unit"));

        final List<Object> runs = (List<Object>)document.get("runs");
        assertEquals(2, runs.size());
        final Map<String, Object> first = (Map<String, Object>)runs.get(0);
        assertEquals(List.of("rate_per_sec", "sent", "received", "lost", "failures", "capped", "elapsed_ns",
            "msg_per_sec", "mb_per_sec", "latency_ns", "senders", "receivers"), List.copyOf(first.keySet()));
        final Map<String, Object> percentiles = (Map<String, Object>)first.get("latency_ns");
        assertEquals(List.of("count", "mean", "p50", "p90", "p99", "p99.9", "p99.99", "max"),
            List.copyOf(percentiles.keySet()));
        assertEquals(5_000_000, (Double)percentiles.get("p50"), 5_000);
        assertEquals(9_900_000, (Double)percentiles.get("p99"), 9_900);
        assertEquals(10_000.0, (Double)first.get("msg_per_sec"), 0.01);
        final Map<String, Object> sender = (Map<String, Object>)((List<Object>)first.get("senders")).get(0);
        assertEquals(List.of("index", "messages", "msg_per_sec", "mb_per_sec"), List.copyOf(sender.keySet()));
    }

    @Test
    void shouldWriteOneCsvRowPerRate()
    {
        final String[] lines = CsvReportWriter.toCsv(SyntheticReports.pushPull(1000, 2000)).split("\n");

        assertEquals(3, lines.length);
        assertEquals(CsvReportWriter.HEADER, lines[0]);
        final int columns = CsvReportWriter.HEADER.split(",").length;
        assertEquals(columns, lines[1].split(",").length);
        assertTrue(lines[2].startsWith("pushpull,tcp,backoff,64,1,1,2000,true,10000,10000,0,"), lines[2]);
    }

    @Test
    void shouldPrintSettingsEnvironmentAndPercentilesInTheTable()
    {
        final StringWriter text = new StringWriter();
        TextReportWriter.write(SyntheticReports.pushPull(0), new PrintWriter(text));

        final String table = text.toString();
        assertTrue(table.contains("idle backoff, 64 B messages, count 10,000"), table);
        assertTrue(table.contains("GC G1, 2 cores"), table);
        assertTrue(table.contains("not corrected for coordinated omission"), table);
        assertTrue(table.contains("p99.99"), table);
        assertTrue(table.contains("5001.2") && table.contains("9904.1"), table);
    }

    @Test
    void shouldWriteHdrHistogramPercentileDistributionPerRate() throws IOException
    {
        final List<Path> files = HgrmWriter.write(SyntheticReports.pushPull(1000, 2000), dir.resolve("lat.hgrm"));

        assertEquals(List.of(dir.resolve("lat-1000.hgrm"), dir.resolve("lat-2000.hgrm")), files);
        final String text = Files.readString(files.get(0));
        assertTrue(text.contains("Value     Percentile TotalCount 1/(1-Percentile)"), text);
        assertTrue(text.contains("#[Max") && text.contains("Total count    =        10000]"), text);
    }

    @Test
    void shouldDrawAnSvgChartWithNinesOnTheXAxis() throws IOException
    {
        final Path file = dir.resolve("chart.svg");
        ChartWriter.write(SyntheticReports.pushPull(1000, 2000), file);

        final String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg "), svg);
        assertTrue(svg.trim().endsWith("</svg>"));
        assertTrue(svg.contains(">99.9%<") && svg.contains(">99.99%<") && svg.contains(">90%<"), svg);
        assertEquals(2, svg.split("<polyline").length - 1);
    }

    @Test
    void shouldDrawAValidPngChart() throws IOException
    {
        final Path file = dir.resolve("chart.png");
        ChartWriter.write(SyntheticReports.pushPull(0), file);

        final byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        final BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals(PercentileChart.WIDTH, image.getWidth());
        assertEquals(PercentileChart.HEIGHT, image.getHeight());
    }

    @Test
    void shouldLabelNines()
    {
        assertEquals("0%", PercentileCurve.percentLabel(0));
        assertEquals("90%", PercentileCurve.percentLabel(1));
        assertEquals("99%", PercentileCurve.percentLabel(2));
        assertEquals("99.999%", PercentileCurve.percentLabel(5));
        assertEquals(4, PercentileCurve.ninesFor(10_000));
    }
}
