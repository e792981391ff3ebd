/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Names of the files in a log directory: segments are named by their first sequence, zero padded to 20 digits.
 */
final class SegmentFiles
{
    static final String SEGMENT_SUFFIX = ".log";
    static final String INDEX_SUFFIX = ".index";
    static final String SPARE_SUFFIX = ".spare";
    static final String REUSED_SUFFIX = ".reused";
    static final String LOCK_FILE_NAME = "log.lock";
    static final String CURSOR_FILE_NAME = "cursors.dat";
    static final String DEAD_LETTER_DIR_NAME = "dead-letter";
    private static final int DIGITS = 20;

    private SegmentFiles()
    {
    }

    static Path segmentFile(final Path dir, final long firstSequence)
    {
        return dir.resolve(padded(firstSequence) + SEGMENT_SUFFIX);
    }

    static Path indexFile(final Path segmentFile)
    {
        return withSuffix(segmentFile, SEGMENT_SUFFIX, INDEX_SUFFIX);
    }

    /**
     * The marker that says a segment file was a spare, so stale records of its old life may follow its own.
     *
     * @param segmentFile of the segment.
     * @return the marker's path beside it.
     */
    static Path reusedMarker(final Path segmentFile)
    {
        return withSuffix(segmentFile, SEGMENT_SUFFIX, REUSED_SUFFIX);
    }

    /**
     * @param marker a {@link #reusedMarker(Path) reuse marker}.
     * @return the segment file it marks.
     */
    static Path markedSegment(final Path marker)
    {
        return withSuffix(marker, REUSED_SUFFIX, SEGMENT_SUFFIX);
    }

    static Path spareFile(final Path dir, final int slot)
    {
        return dir.resolve("segment-" + slot + SPARE_SUFFIX);
    }

    static long firstSequence(final Path segmentFile)
    {
        final String name = segmentFile.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length()));
    }

    /**
     * Lists the segment files of a directory ordered by first sequence.
     *
     * @param dir to list.
     * @return the segment files, empty if there are none.
     */
    static List<Path> list(final Path dir)
    {
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SEGMENT_SUFFIX))
        {
            for (final Path file : stream)
            {
                if (isSegmentName(file.getFileName().toString()))
                {
                    files.add(file);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot list log directory " + dir, ex);
        }
        Collections.sort(files);
        return files;
    }

    /**
     * Adds up the lengths of the spare segment files of a directory.
     *
     * @param dir of a log.
     * @return their total length in bytes, zero when there are none.
     */
    static long spareLength(final Path dir)
    {
        long length = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SPARE_SUFFIX))
        {
            for (final Path file : stream)
            {
                length += size(file);
            }
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot list log directory " + dir, ex);
        }
        return length;
    }

    /**
     * Forces a directory so that file creations, renames and deletions in it survive a crash.
     *
     * @param dir to force.
     */
    static void syncDirectory(final Path dir)
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot sync directory " + dir, ex);
        }
    }

    static long size(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot read size of " + file, ex);
        }
    }

    /**
     * The sibling of a file named as it is with its suffix replaced.
     */
    private static Path withSuffix(final Path file, final String suffix, final String newSuffix)
    {
        final String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - suffix.length()) + newSuffix);
    }

    private static boolean isSegmentName(final String name)
    {
        if (name.length() != DIGITS + SEGMENT_SUFFIX.length())
        {
            return false;
        }
        for (int i = 0; i < DIGITS; i++)
        {
            if (!Character.isDigit(name.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static String padded(final long value)
    {
        final String digits = Long.toString(value);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }
}
