package dev.petrel.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one markdown table: a header line, an alignment rule (first column left, the rest right) and rows of
 * cells. Not thread-safe.
 */
public final class MarkdownTable
{
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header the column names.
     */
    public MarkdownTable(final String... header)
    {
        this.header = List.of(header);
    }

    /**
     * Adds a row; a short row is padded with empty cells.
     *
     * @param cells the cells, as many as the header has at most.
     * @return this.
     * @throws IllegalArgumentException when there are more cells than columns.
     */
    public MarkdownTable row(final String... cells)
    {
        if (cells.length > header.size())
        {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        final List<String> row = new ArrayList<>(List.of(cells));
        while (row.size() < header.size())
        {
            row.add("");
        }
        rows.add(row);
        return this;
    }

    /**
     * @return the rows added so far.
     */
    public int rowCount()
    {
        return rows.size();
    }

    /**
     * @return the table, each line ending with a newline.
     */
    public String render()
    {
        final StringBuilder text = new StringBuilder(256);
        line(text, header);
        text.append("|---|");
        for (int i = 1; i < header.size(); i++)
        {
            text.append("---:|");
        }
        text.append('\n');
        for (final List<String> row : rows)
        {
            line(text, row);
        }
        return text.toString();
    }

    private static void line(final StringBuilder text, final List<String> cells)
    {
        text.append('|');
        for (final String cell : cells)
        {
            text.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        text.append('\n');
    }
}
