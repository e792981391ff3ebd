package dev.petrel.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LatencyStatsTest
{
    private static final long MICRO_NS = 1_000;

    @Test
    void shouldReadPercentilesFromHistogramOfNanoseconds()
    {
        final Histogram histogram = new Histogram(10_000_000_000L, 3);
        for (long micros = 1; micros <= 1_000; micros++)
        {
            histogram.recordValue(micros * MICRO_NS);
        }

        final LatencyStats stats = LatencyStats.of(histogram);

        assertEquals(1_000, stats.count());
        assertEquals(500 * MICRO_NS, stats.p50Ns(), MICRO_NS);
        assertEquals(900 * MICRO_NS, stats.p90Ns(), MICRO_NS);
        assertEquals(990 * MICRO_NS, stats.p99Ns(), MICRO_NS);
        assertEquals(999 * MICRO_NS, stats.p999Ns(), MICRO_NS);
        assertEquals(1_000 * MICRO_NS, stats.maxNs(), MICRO_NS);
    }

    @Test
    void shouldGiveZerosForEmptyHistogram()
    {
        assertEquals(new LatencyStats(0, 0, 0, 0, 0, 0), LatencyStats.of(new Histogram(1_000_000, 3)));
    }

    @Test
    void shouldPrintMicrosecondsWithOneDecimalAndSeparators()
    {
        assertEquals("52.7", LatencyStats.micros(52_700));
        assertEquals("3,602.4", LatencyStats.micros(3_602_400));
    }

    @Test
    void shouldRenderFailedRowWithReasonInsteadOfFigures()
    {
        final String[] cells = SectionSupport.latencyCells("NATS", "TCP", Outcome.unavailable("nats-server not found"));

        assertArrayEquals(new String[]{ "NATS", "TCP", "nats-server not found" }, cells);
    }
}
