package dev.petrel.bench;

import java.util.List;
import java.util.Locale;

/**
 * Renders a comparison as markdown: a title, the notes that say how and where it ran, and one table row per
 * workload and size. Rates are of received messages; MB/s counts payload bytes in units of 10^6.
 */
public final class ComparisonTable
{
    private static final String NEWLINE = "\n";
    private static final String HEADER = "| workload | size | Petrel msg/s | Petrel MB/s | JeroMQ msg/s " +
        "| JeroMQ MB/s | Petrel/JeroMQ | lost Petrel / JeroMQ |";
    private static final String RULE = "|---|---:|---:|---:|---:|---:|---:|---:|";

    private ComparisonTable()
    {
    }

    /**
     * @param title the heading.
     * @param notes bullet lines printed above the table.
     * @param rows  the rows, in order.
     * @return the markdown text, ending with a newline.
     */
    public static String render(final String title, final List<String> notes, final List<ComparisonRow> rows)
    {
        final StringBuilder text = new StringBuilder(1024);
        text.append("## ").append(title).append(NEWLINE).append(NEWLINE);
        for (final String note : notes)
        {
            text.append("- ").append(note).append(NEWLINE);
        }
        text.append(NEWLINE).append(HEADER).append(NEWLINE).append(RULE).append(NEWLINE);
        boolean anyCapped = false;
        for (final ComparisonRow row : rows)
        {
            text.append(row(row)).append(NEWLINE);
            anyCapped |= row.petrel().capped() || row.jeromq().capped();
        }
        if (anyCapped)
        {
            text.append(NEWLINE).append("(capped): the time cap ended that pass before every message was sent or " +
                "had arrived; its rate covers what arrived in time.").append(NEWLINE);
        }
        return text.toString();
    }

    /**
     * @param row a row.
     * @return its markdown table line.
     */
    public static String row(final ComparisonRow row)
    {
        final int length = row.messageLength();
        return "| " + row.workload().label() +
            " | " + length + " B" +
            " | " + rate(row.petrel().messagesPerSecond()) +
            " | " + megabytes(row.petrel().megabytesPerSecond(length)) +
            " | " + rate(row.jeromq().messagesPerSecond()) +
            " | " + megabytes(row.jeromq().megabytesPerSecond(length)) +
            " | " + ratio(row.ratio()) +
            " | " + lost(row.petrel()) + " / " + lost(row.jeromq()) + " |";
    }

    /**
     * @param messagesPerSecond a rate.
     * @return it as a whole number with thousands separators.
     */
    public static String rate(final double messagesPerSecond)
    {
        return String.format(Locale.ROOT, "%,.0f", messagesPerSecond);
    }

    /**
     * @param megabytesPerSecond a rate.
     * @return it with one decimal.
     */
    public static String megabytes(final double megabytesPerSecond)
    {
        return String.format(Locale.ROOT, "%,.1f", megabytesPerSecond);
    }

    /**
     * @param ratio Petrel's rate over JeroMQ's.
     * @return it with two decimals and an "x", or "n/a" when it is not a number.
     */
    public static String ratio(final double ratio)
    {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String lost(final Measurement measurement)
    {
        return String.format(Locale.ROOT, "%,d", measurement.lost()) + (measurement.capped() ? " (capped)" : "");
    }
}
