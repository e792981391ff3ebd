/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A few segment files that retention let go, kept to become new segments instead of being deleted, as databases
 * recycle their write-ahead log files.
 * <p>
 * A new file costs the appender a page fault per page that allocates a page-cache page, zeroes it and reserves its
 * block; a spare's pages are still cached and its blocks allocated, so writing over them costs a fraction of that.
 * A spare keeps its old records. Before it is renamed to the new segment's name, its first length field is zeroed
 * and a {@link SegmentFiles#reusedMarker(Path) marker} is created beside the new name; the appender zeroes the
 * length field after each record it writes, so in a marked segment a zero length ends the records, whatever stale
 * bytes follow. Trimming the segment (at a roll or a clean close) cuts the stale bytes and removes the marker.
 * <p>
 * A spare is written over only once no reader of this process has it open. Spares a process killed before it could
 * close its log left are taken over when the log opens again; a log that closes deletes its spares. They take disk
 * space beyond what retention limits count, at most {@link #CAPACITY} segments.
 * <p>
 * Runs under the log's append lock.
 */
final class SpareSegments
{
    /**
     * Most spares kept: one takes the place of each segment sealed, another absorbs a retention pass that frees two.
     */
    static final int CAPACITY = 2;

    private final Path dir;
    private final boolean[] filled = new boolean[CAPACITY];
    private final Segment[] unclaimed = new Segment[CAPACITY];

    SpareSegments(final Path dir)
    {
        this.dir = dir;
        adoptLeftovers();
    }

    /**
     * Renames a segment retention has removed from the catalog to a spare, unless every slot is taken. A reader
     * that still has it open, such as one that has read to its end but not yet moved on, reads on through its open
     * file; the spare is reused only once no reader has it open.
     *
     * @param segment removed from the catalog.
     * @return true when kept, false when the caller must delete it.
     */
    boolean keep(final Segment segment)
    {
        for (int slot = 0; slot < CAPACITY; slot++)
        {
            if (!filled[slot])
            {
                try
                {
                    IndexFile.delete(segment.file());
                    Files.move(segment.file(), SegmentFiles.spareFile(dir, slot));
                }
                catch (final IOException ex)
                {
                    throw new DurabilityException("cannot keep segment " + segment.file() + " as a spare", ex);
                }
                filled[slot] = true;
                unclaimed[slot] = segment;
                return true;
            }
        }
        return false;
    }

    /**
     * Renames a spare no reader has open, if there is one, to a new segment's name, marked as reused.
     *
     * @param segmentFile the new segment's file, not yet existing.
     */
    void reuseAs(final Path segmentFile)
    {
        for (int slot = 0; slot < CAPACITY; slot++)
        {
            if (filled[slot] && (null == unclaimed[slot] || unclaimed[slot].claimForReuse()))
            {
                unclaimed[slot] = null;
                reuse(slot, segmentFile);
                return;
            }
        }
    }

    /**
     * Deletes every spare.
     */
    void deleteAll()
    {
        for (int slot = 0; slot < CAPACITY; slot++)
        {
            if (filled[slot])
            {
                delete(SegmentFiles.spareFile(dir, slot));
                filled[slot] = false;
                unclaimed[slot] = null;
            }
        }
    }

    private void reuse(final int slot, final Path segmentFile)
    {
        final Path spare = SegmentFiles.spareFile(dir, slot);
        final Path marker = SegmentFiles.reusedMarker(segmentFile);
        try
        {
            try (FileChannel channel = FileChannel.open(spare, StandardOpenOption.WRITE))
            {
                channel.write(ByteBuffer.allocate(Integer.BYTES), RecordDescriptor.LENGTH_OFFSET);
            }
            Files.deleteIfExists(marker);
            Files.createFile(marker);
            Files.move(spare, segmentFile);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot reuse spare " + spare + " as segment " + segmentFile, ex);
        }
        filled[slot] = false;
    }

    /**
     * Takes over the spares an earlier process left in their slots, and deletes markers whose segment is gone.
     */
    private void adoptLeftovers()
    {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(
            dir, "*{" + SegmentFiles.SPARE_SUFFIX + "," + SegmentFiles.REUSED_SUFFIX + "}"))
        {
            for (final Path file : stream)
            {
                if (!file.getFileName().toString().endsWith(SegmentFiles.SPARE_SUFFIX))
                {
                    if (!Files.exists(SegmentFiles.markedSegment(file)))
                    {
                        delete(file);
                    }
                }
                else if (!adopt(file))
                {
                    delete(file);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot list log directory " + dir, ex);
        }
    }

    private boolean adopt(final Path spare)
    {
        for (int slot = 0; slot < CAPACITY; slot++)
        {
            if (spare.equals(SegmentFiles.spareFile(dir, slot)))
            {
                filled[slot] = true;
                return true;
            }
        }
        return false;
    }

    private static void delete(final Path file)
    {
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot delete " + file, ex);
        }
    }
}
