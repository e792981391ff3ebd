package dev.petrel.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.*;

class ReqRepRowsTest
{
    @Test
    @Timeout(30)
    void shouldFillLatencyAndPipelinedTablesWhenRunWithTinyCounts()
    {
        final RunnerOptions options = RunnerOptions.parse("--warm-up", "0", "--only", "reqrep", "--round-trips", "300",
            "--row-cap", "2");

        final String report = new ComparisonRunner(options, NullLog.STREAM).run();

        assertTrue(report.contains("| Petrel Requester / Replier | TCP | 300 |"), report);
        assertTrue(report.contains("| JeroMQ REQ / REP | TCP | 300 |"), report);
        assertTrue(report.contains("| 1 | "), report);
        assertTrue(report.contains("| 16 | "), report);
        assertTrue(report.contains("| 64 | "), report);
        assertFalse(report.contains("failed"), report);
        assertFalse(report.contains("## Petrel vs JeroMQ 0.6.0: TCP throughput"), report);
    }

    @Test
    @Timeout(10)
    void shouldAnswerEveryPipelinedRequestWithinTheWindow()
    {
        try (PetrelReqRepTrial trial = new PetrelReqRepTrial("tcp://127.0.0.1:0", 64, "backoff",
            Duration.ofSeconds(5)))
        {
            final Measurement measurement = trial.run(new PassPlan(500, Duration.ofSeconds(5).toNanos()), 16);

            assertEquals(500, measurement.sent());
            assertEquals(500, measurement.received());
            assertFalse(measurement.capped());
        }
    }

    @Test
    @Timeout(10)
    void shouldEchoThroughDealerRouterWithWindowInFlight()
    {
        try (JeroMqDealerRouterTrial trial = new JeroMqDealerRouterTrial(64, 5_000))
        {
            final Measurement measurement = trial.run(new PassPlan(500, Duration.ofSeconds(5).toNanos()), 64);

            assertEquals(500, measurement.received());
            assertFalse(measurement.capped());
        }
    }
}
