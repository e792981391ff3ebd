package dev.petrel.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MarkdownTableTest
{
    @Test
    void shouldRenderHeaderRuleAndRowsWithFirstColumnLeftAligned()
    {
        final MarkdownTable table = new MarkdownTable("name", "p50 µs", "max µs").row("Petrel", "1.0", "9.5");

        assertEquals("| name | p50 µs | max µs |\n|---|---:|---:|\n| Petrel | 1.0 | 9.5 |\n", table.render());
        assertEquals(1, table.rowCount());
    }

    @Test
    void shouldPadShortRowsAndEscapePipes()
    {
        final String text = new MarkdownTable("a", "b", "c").row("x|y", "failed: no").render();

        assertTrue(text.endsWith("| x\\|y | failed: no |  |\n"), text);
    }

    @Test
    void shouldRejectMoreCellsThanColumns()
    {
        final MarkdownTable table = new MarkdownTable("a");

        assertThrows(IllegalArgumentException.class, () -> table.row("1", "2"));
    }
}
