/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only tools over a log directory: {@link #info()}, {@link #dump}, {@link #tail} and {@link #verify()}.
 * <p>
 * Opening takes no lock and writes nothing, so it works while a writer has the log open; it sees the log as it was
 * when opened, up to the last intact record. Not thread safe.
 *
 * @since 0.1.0
 */
public final class LogInspector implements AutoCloseable
{
    private final Path dir;
    private final SegmentCatalog catalog;
    private final ReceiverCursors receivers;

    private LogInspector(final Path dir)
    {
        this.dir = dir;
        catalog = new LogRecovery(dir, DurableLogConfiguration.INDEX_INTERVAL_LENGTH_DEFAULT, true)
            .recover()
            .catalog();
        receivers = ReceiverCursors.open(dir.resolve(SegmentFiles.CURSOR_FILE_NAME), 0, true);
    }

    /**
     * Opens a log directory for inspection.
     *
     * @param dir of the log.
     * @return the inspector, to be closed by the caller.
     * @throws DurabilityException if the directory does not exist.
     */
    public static LogInspector open(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            throw new DurabilityException("no log directory " + dir);
        }
        return new LogInspector(dir);
    }

    /**
     * Summarises the segments, sequence range, length, spare files and receivers of the log.
     *
     * @return the summary.
     */
    public LogInfo info()
    {
        final List<SegmentInfo> segments = new ArrayList<>();
        for (final Segment segment : catalog.snapshot())
        {
            segments.add(new SegmentInfo(segment.file().getFileName().toString(), segment.firstSequence(),
                segment.lastSequence(), segment.length()));
        }
        return new LogInfo(dir, segments, catalog.firstSequence(), catalog.lastSequence(), catalog.totalLength(),
            SegmentFiles.spareLength(dir), receivers.positions());
    }

    /**
     * Writes records from a sequence, one line each.
     *
     * @param fromSequence first sequence; earlier sequences than the first retained start at the first retained.
     * @param maxRecords   most records to write.
     * @param format       of each line.
     * @param out          destination of the lines.
     * @return the number of records written.
     */
    public long dump(final long fromSequence, final long maxRecords, final DumpFormat format, final PrintWriter out)
    {
        final long from = Math.max(fromSequence, catalog.firstSequence());
        if (from > catalog.lastSequence() || maxRecords <= 0)
        {
            return 0;
        }
        final RecordFormatter formatter = new RecordFormatter();
        long written = 0;
        try (LogReader reader = new LogReader(catalog, from))
        {
            int read;
            while (written < maxRecords && (read = reader.poll(
                (buffer, offset, length, sequence, timestampNs) ->
                    out.println(formatter.format(format, buffer, offset, length, sequence, timestampNs)),
                (int)Math.min(maxRecords - written, Integer.MAX_VALUE))) > 0)
            {
                written += read;
            }
        }
        out.flush();
        return written;
    }

    /**
     * Writes the last records of the log, one line each.
     *
     * @param count  of records to write.
     * @param format of each line.
     * @param out    destination of the lines.
     * @return the number of records written.
     */
    public long tail(final long count, final DumpFormat format, final PrintWriter out)
    {
        return dump(catalog.lastSequence() - count + 1, count, format, out);
    }

    /**
     * Reads every record of every segment file, ignoring index files, and checks frames, checksums and the
     * continuity of sequences within and across segments. A torn tail not yet recovered by a writer counts as
     * damage.
     *
     * @return OK, or the first damaged segment and offset.
     */
    public VerifyReport verify()
    {
        final SegmentScanner scanner = new SegmentScanner();
        final List<Path> files = SegmentFiles.list(dir);
        long records = 0;
        long expectedFirst = files.isEmpty() ? 1 : SegmentFiles.firstSequence(files.get(0));
        for (int i = 0; i < files.size(); i++)
        {
            final Path file = files.get(i);
            if (SegmentFiles.firstSequence(file) != expectedFirst)
            {
                return new VerifyReport(i + 1, records, file, 0, RecordDamage.MISSING_SEGMENT);
            }
            final ScanResult result = scanner.scan(file, expectedFirst, Integer.MAX_VALUE, null);
            records += result.lastSequence() - expectedFirst + 1;
            if (RecordDamage.NONE != result.damage())
            {
                return new VerifyReport(i + 1, records, file, result.validLength(), result.damage());
            }
            expectedFirst = result.lastSequence() + 1;
        }
        return new VerifyReport(files.size(), records, null, -1, RecordDamage.NONE);
    }

    /**
     * Releases the cursor file mapping.
     */
    public void close()
    {
        receivers.close();
    }
}
