package dev.petrel.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.*;

class PubSubFanOutTableTest
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final PassPlan PASS = new PassPlan(1_000, Duration.ofSeconds(5).toNanos());

    @Test
    @Timeout(20)
    void shouldCountOneDeliveryPerJeroMqSubscriberWhenFourSubscribe()
    {
        try (JeroMqPubSubTrial trial = new JeroMqPubSubTrial(64, 10_000, Duration.ofSeconds(5), 4))
        {
            final Measurement measurement = trial.run(PASS);

            assertEquals(4_000, measurement.sent());
            assertEquals(4_000, measurement.received());
            assertFalse(measurement.capped());
        }
    }

    @Test
    @Timeout(20)
    void shouldCountOneDeliveryPerPetrelSubscriberWhenFourSubscribe()
    {
        try (PetrelPubSubTrial trial = new PetrelPubSubTrial(64, "backoff", 10_000, PetrelReceive.BUFFER,
            Duration.ofSeconds(5), 4))
        {
            final Measurement measurement = trial.run(PASS);

            assertEquals(4_000, measurement.sent());
            assertEquals(4_000, measurement.received());
            assertFalse(measurement.capped());
        }
    }

    @Test
    void shouldRenderDeliveriesRatioAndLossesWhenBothLibrariesRan()
    {
        final Outcome<Measurement> petrel = new Outcome<>(new Measurement(8_000, 6_000, SECOND_NS, false), null);
        final Outcome<Measurement> jeromq = new Outcome<>(new Measurement(8_000, 4_000, SECOND_NS, true), null);

        final String text = PubSubFanOutTable.render(2_000, 100_000, petrel, jeromq);

        assertTrue(text.startsWith("### Pub/sub to 4 subscribers, TCP on 127.0.0.1\n"), text);
        assertTrue(text.contains("publishes 2,000 messages"), text);
        assertTrue(text.contains("send high-water mark 100,000 messages per subscriber"), text);
        assertTrue(text.contains("| 4 | 64 B | 6,000 | 4,000 (capped) | 1.50x | 2,000 / 4,000 |"), text);
    }

    @Test
    void shouldShowTheReasonWhenOneLibraryFailed()
    {
        final Outcome<Measurement> petrel = new Outcome<>(new Measurement(4_000, 4_000, SECOND_NS, false), null);
        final Outcome<Measurement> jeromq = Outcome.unavailable("failed: IllegalStateException: no peer");

        final String text = PubSubFanOutTable.render(1_000, 10_000, petrel, jeromq);

        assertTrue(text.contains("| 4 | 64 B | 4,000 | failed: IllegalStateException: no peer | n/a | 0 / - |"),
            text);
    }
}
