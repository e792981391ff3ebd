package dev.petrel.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ComparisonTableTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    void shouldComputeRatesFromReceivedMessagesOnly()
    {
        final Measurement measurement = new Measurement(1_000, 500, SECOND_NS / 2, false);

        assertEquals(1_000.0, measurement.messagesPerSecond(), 1e-9);
        assertEquals(1.024, measurement.megabytesPerSecond(1024), 1e-9);
        assertEquals(500, measurement.lost());
    }

    @Test
    void shouldDividePetrelRateByJeroMqRate()
    {
        final ComparisonRow row = new ComparisonRow(Workload.PUSH_PULL, 64,
            new Measurement(3_000, 3_000, SECOND_NS, false), new Measurement(2_000, 2_000, SECOND_NS, false));

        assertEquals(1.5, row.ratio(), 1e-9);
        assertEquals("1.50x", ComparisonTable.ratio(row.ratio()));
    }

    @Test
    void shouldPrintNotApplicableWhenJeroMqReceivedNothing()
    {
        final ComparisonRow row = new ComparisonRow(Workload.PUB_SUB, 64,
            new Measurement(10, 10, SECOND_NS, false), new Measurement(10, 0, SECOND_NS, false));

        assertEquals("n/a", ComparisonTable.ratio(row.ratio()));
    }

    @Test
    void shouldFormatRowWithSeparatorsAndLostCounts()
    {
        final ComparisonRow row = new ComparisonRow(Workload.PUB_SUB, 1024,
            new Measurement(2_000_000, 2_000_000, 2 * SECOND_NS, false),
            new Measurement(2_000_000, 1_500_000, SECOND_NS, true));

        assertEquals("| pub/sub | 1024 B | 1,000,000 | 1,024.0 | 1,500,000 | 1,536.0 | 0.67x | 0 / 500,000 (capped) |",
            ComparisonTable.row(row));
    }

    @Test
    void shouldRenderTitleNotesHeaderAndEveryRow()
    {
        final Measurement m = new Measurement(100, 100, SECOND_NS, false);
        final List<ComparisonRow> rows = List.of(
            new ComparisonRow(Workload.PUSH_PULL, 64, m, m), new ComparisonRow(Workload.PUB_SUB, 64, m, m));

        final String text = ComparisonTable.render("Title", List.of("note one"), rows);

        assertTrue(text.startsWith("## Title\n\n- note one\n\n| workload | size |"), text);
        assertTrue(text.contains("| push/pull | 64 B | 100 | 0.0 | 100 | 0.0 | 1.00x | 0 / 0 |\n"), text);
        assertTrue(text.contains("| pub/sub | 64 B |"), text);
        assertFalse(text.contains("(capped)"), text);
    }
}
