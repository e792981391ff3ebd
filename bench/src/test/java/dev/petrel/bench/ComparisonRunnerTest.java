package dev.petrel.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

class ComparisonRunnerTest
{
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void shouldProduceEveryRowAndWriteBothFilesWhenRunWithTinyCounts() throws IOException
    {
        final Path out = dir.resolve("out").resolve("table.md");
        final RunnerOptions options = RunnerOptions.parse("--warm-up", "0", "--only", "throughput", "--messages",
            "2000", "--time-cap", "5", "--pubsub-hwm", "4000", "--results-dir", dir.resolve("results").toString(),
            "--out", out.toString());
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();
        final ComparisonRunner runner = new ComparisonRunner(options, new PrintStream(progress, true,
            StandardCharsets.UTF_8));

        final String report = runner.run();
        final List<Path> written = runner.write(report);

        for (final Workload workload : Workload.values())
        {
            assertTrue(report.contains("| " + workload.label() + " | 64 B |"), report);
            assertTrue(report.contains("| " + workload.label() + " | 1024 B |"), report);
        }
        assertTrue(report.contains("| " + PubSubFanOutTable.SUBSCRIBERS + " | 64 B |"), report);
        assertFalse(report.contains("n/a"), report);
        assertEquals(2, written.size());
        assertEquals(report, Files.readString(out));
        try (Stream<Path> files = Files.list(dir.resolve("results")))
        {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("comparison-\\d{8}-\\d{6}\\.md")));
        }
    }

    @Test
    @Timeout(10)
    void shouldDeliverEveryPushedMessageInOnePass()
    {
        try (PetrelPushPullTrial trial =
            new PetrelPushPullTrial(64, "backoff", PetrelReceive.MESSAGE, Duration.ofSeconds(5)))
        {
            final Measurement measurement = trial.run(new PassPlan(5_000, Duration.ofSeconds(5).toNanos()));

            assertEquals(5_000, measurement.sent());
            assertEquals(5_000, measurement.received());
            assertFalse(measurement.capped());
        }
    }
}
