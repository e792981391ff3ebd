package dev.petrel.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RunnerOptionsTest
{
    @Test
    void shouldUseSmallerCountsAndShorterCapInQuickMode()
    {
        final RunnerOptions quick = RunnerOptions.parse("--quick");
        final RunnerOptions full = RunnerOptions.parse();

        assertTrue(quick.measuredPass(64).messages() < full.measuredPass(64).messages());
        assertTrue(quick.timeCap().compareTo(full.timeCap()) < 0);
        assertEquals("backoff", full.idleStrategy());
        assertEquals(PetrelReceive.BUFFER, full.petrelReceive());
    }

    @Test
    void shouldSendHalfAsManyMessagesInWarmUp()
    {
        final RunnerOptions options = RunnerOptions.parse("--messages", "1000", "--time-cap", "2");

        assertEquals(new PassPlan(1000, Duration.ofSeconds(2).toNanos()), options.measuredPass(1024));
        assertEquals(new PassPlan(500, Duration.ofSeconds(1).toNanos()), options.warmUpPass(1024));
        assertEquals(Duration.ofSeconds(2).toNanos(), options.minWarmUpNs());
        assertEquals(Duration.ofMillis(500).toNanos(), RunnerOptions.parse("--quick").minWarmUpNs());
        assertEquals(Duration.ofMillis(250).toNanos(), RunnerOptions.parse("--warm-up", "250").minWarmUpNs());
        assertEquals(0, RunnerOptions.parse("--quick", "--warm-up", "0").minWarmUpNs());
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--warm-up", "-1"));
    }

    @Test
    void shouldReadPathsAndIdleStrategy()
    {
        final RunnerOptions options = RunnerOptions.parse(
            "--out", "x.md", "--results-dir", "r", "--idle", "busy-spin", "--pubsub-hwm", "5000",
            "--petrel-receive", "message");

        assertEquals(Path.of("x.md"), options.out());
        assertEquals(Path.of("r"), options.resultsDir());
        assertEquals("busy-spin", options.idleStrategy());
        assertEquals(5000, options.pubSubHighWaterMark());
        assertEquals(PetrelReceive.MESSAGE, options.petrelReceive());
    }

    @Test
    void shouldRunEverySectionUnlessOnlyNamesSome()
    {
        final RunnerOptions all = RunnerOptions.parse();
        final RunnerOptions some = RunnerOptions.parse("--only", "reqrep, nats");

        for (final Section section : Section.values())
        {
            assertTrue(all.runs(section));
        }
        assertEquals(EnumSet.of(Section.REQREP, Section.NATS), some.sections());
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--only", "reqrep,latency"));
    }

    @Test
    void shouldBoundRoundTripPassesByCountAndRowCap()
    {
        final RunnerOptions options = RunnerOptions.parse("--round-trips", "400", "--row-cap", "2");

        assertEquals(new PassPlan(400, Duration.ofSeconds(2).toNanos()), options.roundTripPass());
        assertEquals(new PassPlan(200, Duration.ofSeconds(1).toNanos()), options.roundTripWarmUp());
        assertTrue(RunnerOptions.parse("--quick").roundTrips() < RunnerOptions.parse().roundTrips());
    }

    @Test
    void shouldRejectUnknownOptionsAndBadNumbers()
    {
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--fast"));
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--messages", "-3"));
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--messages"));
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--idle", "nap"));
        assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--petrel-receive", "copy"));
    }
}
