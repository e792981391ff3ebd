/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Rebuilds the segment catalog of a log directory when it is opened.
 * <p>
 * Sealed segments with an intact index file are trusted; every other segment, and always the last one, is scanned
 * record by record. A zero tail left by a crash while a segment was mapped ends its records cleanly: it is truncated
 * without being reported, as are the old records past a zero length in a segment reused from a spare (see
 * {@link SpareSegments}). At the first damaged record the writer truncates the segment there and deletes every later
 * segment, so the log stays a contiguous run of intact records. A read-only recovery changes nothing on disk and
 * stops its catalog at the damage. A gap between segment files fails the open instead.
 */
final class LogRecovery
{
    private final Path dir;
    private final int indexIntervalLength;
    private final boolean readOnly;
    private final SegmentScanner scanner = new SegmentScanner();
    private final SegmentCatalog catalog = new SegmentCatalog();
    private RecoveryReport report;

    LogRecovery(final Path dir, final int indexIntervalLength, final boolean readOnly)
    {
        this.dir = dir;
        this.indexIntervalLength = indexIntervalLength;
        this.readOnly = readOnly;
    }

    SegmentCatalog catalog()
    {
        return catalog;
    }

    RecoveryReport report()
    {
        return report;
    }

    LogRecovery recover()
    {
        final List<Path> files = SegmentFiles.list(dir);
        report = new RecoveryReport(0, 0, 0, null, -1, RecordDamage.NONE);
        long expectedFirst = files.isEmpty() ? 1 : SegmentFiles.firstSequence(files.get(0));
        for (int i = 0; i < files.size(); i++)
        {
            final Path file = files.get(i);
            final long firstSequence = SegmentFiles.firstSequence(file);
            if (firstSequence != expectedFirst)
            {
                throw new DurabilityException("log " + dir + " has a gap: expected a segment starting at sequence " +
                    expectedFirst + " but found " + file.getFileName());
            }
            final boolean last = i == files.size() - 1;
            final Segment segment = last ? null : IndexFile.load(file, firstSequence, SegmentFiles.size(file));
            if (null != segment)
            {
                catalog.add(segment);
            }
            else if (!scanAndAdd(file, firstSequence, last, files.subList(i + 1, files.size())))
            {
                break;
            }
            expectedFirst = catalog.last().lastSequence() + 1;
        }
        if (readOnly && null != catalog.last())
        {
            catalog.last().seal();
        }
        return this;
    }

    private boolean scanAndAdd(final Path file, final long firstSequence, final boolean last, final List<Path> later)
    {
        final Segment segment = new Segment(file, firstSequence, new SparseIndex());
        final ScanResult result = scanner.scan(file, firstSequence, indexIntervalLength, segment.index());
        segment.onAppend(result.lastSequence(), result.lastTimestampNs(), result.validLength());
        catalog.add(segment);
        if (RecordDamage.NONE == result.damage())
        {
            if (!readOnly && result.validLength() < result.fileLength())
            {
                truncate(file, result.validLength());
            }
            if (!last)
            {
                segment.seal();
                if (!readOnly)
                {
                    IndexFile.write(segment);
                }
            }
            report = new RecoveryReport(result.lastSequence(), 0, 0, null, -1, RecordDamage.NONE);
            return true;
        }
        long cut = result.fileLength() - result.validLength();
        for (final Path laterFile : later)
        {
            cut += SegmentFiles.size(laterFile);
        }
        if (!readOnly)
        {
            cutTail(file, result.validLength(), later);
        }
        report = new RecoveryReport(
            result.lastSequence(), cut, later.size(), file, result.validLength(), result.damage());
        return false;
    }

    private void cutTail(final Path file, final long validLength, final List<Path> later)
    {
        truncate(file, validLength);
        try
        {
            IndexFile.delete(file);
            for (final Path laterFile : later)
            {
                IndexFile.delete(laterFile);
                Files.deleteIfExists(SegmentFiles.reusedMarker(laterFile));
                Files.delete(laterFile);
            }
            SegmentFiles.syncDirectory(dir);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot cut the damaged tail of segment " + file, ex);
        }
    }

    private static void truncate(final Path file, final long length)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(length);
            channel.force(true);
            Files.deleteIfExists(SegmentFiles.reusedMarker(file));
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot truncate segment " + file, ex);
        }
    }
}
