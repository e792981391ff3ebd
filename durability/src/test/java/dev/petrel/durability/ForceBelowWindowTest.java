/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A force due by length covers the records below the appender's mapping window and names the last of them durable:
 * the record that crosses the window's start stays out, and group commit forces the whole segment when nothing below
 * the window is left unforced.
 */
class ForceBelowWindowTest
{
    private static final long SEGMENT_LENGTH = 8L * SegmentWriter.WINDOW_LENGTH;
    private static final int INDEX_INTERVAL_LENGTH = 4096;

    @TempDir
    Path dir;

    @Test
    void shouldLeaveTheRecordCrossingTheWindowStartOutOfTheForce()
    {
        final int length = 1000;
        try (SegmentWriter writer = newWriter())
        {
            long sequence = writeUntilPast(writer, length, 1, SegmentWriter.WINDOW_LENGTH);
            assertEquals(SegmentWriter.NOTHING_FORCED, writer.forceBelowWindow(), "no window left yet");

            sequence = write(writer, length, sequence);
            final long lastBelow = SegmentWriter.WINDOW_LENGTH / length;
            assertEquals(lastBelow, writer.forceBelowWindow(), "the last record ending below the window start");
            assertEquals(SegmentWriter.NOTHING_FORCED, writer.forceBelowWindow(), "forced already");

            sequence = writeUntilPast(writer, length, sequence, 2L * SegmentWriter.WINDOW_LENGTH);
            write(writer, length, sequence);
            assertEquals(2L * SegmentWriter.WINDOW_LENGTH / length, writer.forceBelowWindow(), "the next window");
        }
    }

    @Test
    void shouldForceUpToTheWindowStartWhenARecordEndsThere()
    {
        final int length = 4096;
        try (SegmentWriter writer = newWriter())
        {
            final long next = writeUntilPast(writer, length, 1, SegmentWriter.WINDOW_LENGTH - 1);
            assertEquals(SegmentWriter.WINDOW_LENGTH, writer.position());
            write(writer, length, next);
            assertEquals(next - 1, writer.forceBelowWindow());
        }
    }

    @Test
    void shouldForceTheWholeSegmentWhenNothingBelowTheWindowIsLeft()
    {
        try (SegmentWriter writer = newWriter())
        {
            final long[] appended = {0};
            final GroupCommit groupCommit = new GroupCommit(() -> appended[0], () -> writer);
            appended[0] = writeUntilPast(writer, 100, 1, 10_000) - 1;
            groupCommit.tryForceBelowWindow();
            assertEquals(appended[0], groupCommit.durableSequence(), "fell back to forcing everything appended");
            assertEquals(1, groupCommit.forceCount());
        }
    }

    private SegmentWriter newWriter()
    {
        final Segment segment = new Segment(SegmentFiles.segmentFile(dir, 1), 1, new SparseIndex());
        return new SegmentWriter(segment, SEGMENT_LENGTH, INDEX_INTERVAL_LENGTH);
    }

    /**
     * @return the sequence after the last record written, the first one ending past a position.
     */
    private static long writeUntilPast(
        final SegmentWriter writer, final int length, final long firstSequence, final long position)
    {
        long sequence = firstSequence;
        while (writer.position() <= position)
        {
            sequence = write(writer, length, sequence);
        }
        return sequence;
    }

    private static long write(final SegmentWriter writer, final int length, final long sequence)
    {
        writer.write(new UnsafeBuffer(new byte[length]), length, sequence, sequence);
        return sequence + 1;
    }
}
