package dev.petrel.bench;

import java.time.Duration;

import dev.petrel.BackPressurePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AeronThroughputRowsTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    @Timeout(30)
    void shouldDeliverEveryPublishedMessageWhenPetrelPubSubRunsOverAeronUdp()
    {
        final String unavailable = AeronProbe.unavailableReason("backoff");
        assumeTrue(null == unavailable, () -> "Aeron unavailable: " + unavailable);
        try (PetrelPubSubTrial trial = new PetrelPubSubTrial(AeronMedium.UDP.petrelEndpoint(), 64, "backoff",
            16, BackPressurePolicy.BLOCK, PetrelReceive.BUFFER, Duration.ofSeconds(10), 1))
        {
            final Measurement measurement = trial.run(new PassPlan(20_000, Duration.ofSeconds(5).toNanos()));

            assertEquals(20_000, measurement.sent());
            assertEquals(20_000, measurement.received());
            assertFalse(measurement.capped());
        }
    }

    @Test
    void shouldNameWorkloadAndMediumInEveryThroughputRow()
    {
        final Outcome<Measurement> petrel = new Outcome<>(new Measurement(3_000, 2_500, SECOND_NS, false), null);
        final Outcome<Measurement> raw = new Outcome<>(new Measurement(5_000, 5_000, SECOND_NS, false), null);

        final String row = new MarkdownTable("workload", "medium", "Petrel msg/s", "raw Aeron msg/s", "Petrel / raw",
            "lost Petrel / raw").row(AeronSection.throughputCells(Workload.PUB_SUB, AeronMedium.UDP, petrel, raw))
            .render();

        assertTrue(row.contains("| pub/sub | Aeron UDP | 2,500 | 5,000 | 0.50x | 500 / 0 |"), row);
    }
}
