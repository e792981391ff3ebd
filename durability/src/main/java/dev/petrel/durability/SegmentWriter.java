/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import static dev.petrel.durability.RecordDescriptor.CRC_OFFSET;
import static dev.petrel.durability.RecordDescriptor.LENGTH_OFFSET;

/**
 * Appends framed records to the active segment through a shared memory mapping and keeps its sparse index.
 * <p>
 * An append is a copy into the page cache, which survives a process crash exactly as a {@code write} does. Only the
 * window of {@link #WINDOW_LENGTH} bytes, aligned to its length, that holds the end of the segment is mapped, with
 * some slack past its end for a record that crosses it (more for a larger record), in a file extended with zeros to
 * at least the configured segment length when the writer opens; an append that starts past the window maps the
 * next one and unmaps the old. Writeback of a page still mapped must write-protect it in every mapping, a TLB
 * shootdown that interrupts each core the process runs on, and the appender then faults on the page again; so the
 * interval policy's forces due by length go through {@link #forceBelowWindow()}, which writes back only pages no
 * mapping holds. Each record's length field is written last with
 * release ordering, so a reader of the file that sees a length sees the whole record. Before a record is copied,
 * the length field that follows it is zeroed, so the records end at a zero length even in a reused file whose old
 * records follow (see {@link SpareSegments}); in a new file the zero tail past the last record reads as a clean end
 * (see {@link SegmentScanner}). {@link #trim()} unmaps the window, truncates the file to its records and removes
 * the segment's reuse marker.
 * <p>
 * Called only under the log's append lock, except {@link #force()}, which group commit calls concurrently, and
 * {@link #close()}, which group commit may call for a writer retired by a roll after its {@link #trim()}.
 * Appending threads must not be interrupted: an interrupt closes the file channel.
 */
final class SegmentWriter implements AutoCloseable
{
    /**
     * Bytes mapped at a time, and their alignment in the file: the interval policy's default force length.
     */
    static final int WINDOW_LENGTH = 2 * 1024 * 1024;

    /**
     * Bytes mapped past the end of a window, so that a record starting in the window and crossing its end is written
     * through the same mapping.
     */
    private static final int WINDOW_SLACK = 64 * 1024;
    private static final int PAGE_LENGTH = 4096;

    /**
     * What {@link #forceBelowWindow()} returns when every record below the window was forced already.
     */
    static final long NOTHING_FORCED = -1;

    private static final boolean NATIVE_ORDER = ByteOrder.nativeOrder() == RecordDescriptor.BYTE_ORDER;

    private final Segment segment;
    private final FileChannel channel;
    private final long segmentLength;
    private final int indexIntervalLength;
    private final UnsafeBuffer mapped = new UnsafeBuffer(0, 0);
    private MappedByteBuffer mapping;
    private long mappingStart;
    private long mappingEnd;
    private long position;
    private long lastStart;
    private long lastIndexedPosition;
    private volatile WindowFloor floor;
    private long forcedPosition;

    SegmentWriter(final Segment segment, final long segmentLength, final int indexIntervalLength)
    {
        this.segment = segment;
        this.segmentLength = segmentLength;
        this.indexIntervalLength = indexIntervalLength;
        this.position = segment.length();
        this.lastIndexedPosition = segment.index().size() == 0 ?
            -indexIntervalLength : segment.index().positionAt(segment.index().size() - 1);
        try
        {
            channel = FileChannel.open(
                segment.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot open segment " + segment.file(), ex);
        }
        extend(Math.max(segmentLength, position));
        mapWindow(position, 0);
        floor = new WindowFloor(position, NOTHING_FORCED);
        forcedPosition = position;
    }

    Segment segment()
    {
        return segment;
    }

    long position()
    {
        return position;
    }

    /**
     * Copies a framed record from a staging buffer to the end of the segment.
     *
     * @param frame       holding the record at offset zero, CRC included.
     * @param frameLength of the record including its header.
     * @param sequence    of the record.
     * @param timestampNs of the record.
     */
    void write(final DirectBuffer frame, final int frameLength, final long sequence, final long timestampNs)
    {
        final long start = position;
        if (start - mappingStart >= WINDOW_LENGTH || start + frameLength + Integer.BYTES > mappingEnd)
        {
            mapWindow(start, frameLength + Integer.BYTES);
            moveFloor(start, sequence);
        }
        final int offset = (int)(start - mappingStart);
        mapped.putInt(offset + frameLength + LENGTH_OFFSET, 0);
        mapped.putBytes(offset + CRC_OFFSET, frame, CRC_OFFSET, frameLength - CRC_OFFSET);
        mapped.putIntOrdered(offset + LENGTH_OFFSET, NATIVE_ORDER ? frameLength : Integer.reverseBytes(frameLength));
        position = start + frameLength;
        lastStart = start;
        if (start - lastIndexedPosition >= indexIntervalLength)
        {
            segment.index().add(sequence, start);
            lastIndexedPosition = start;
        }
        segment.onAppend(sequence, timestampNs, position);
    }

    void force()
    {
        try
        {
            channel.force(false);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot force segment " + segment.file(), ex);
        }
    }

    /**
     * Forces the records written below the current mapping window, through a mapping of their own that touches no
     * page: they were written through mappings unmapped since, so writeback finds them mapped nowhere and has no
     * page to write-protect, where a force of the whole file write-protects each dirty page of the window, one
     * TLB shootdown a page. Called under group commit's sync lock, as {@link #force()} is.
     *
     * @return the last sequence below the window, now on storage, or {@link #NOTHING_FORCED} when no record there
     * was left unforced.
     */
    long forceBelowWindow()
    {
        final WindowFloor below = floor;
        if (below.position() <= forcedPosition)
        {
            return NOTHING_FORCED;
        }
        final long from = forcedPosition - forcedPosition % PAGE_LENGTH;
        try
        {
            final MappedByteBuffer range = channel.map(FileChannel.MapMode.READ_WRITE, from, below.position() - from);
            try
            {
                range.force();
            }
            finally
            {
                IoUtil.unmap(range);
            }
        }
        catch (final IOException | UncheckedIOException ex)
        {
            throw new DurabilityException("cannot force segment " + segment.file(), ex);
        }
        forcedPosition = below.position();
        return below.sequence();
    }

    /**
     * Unmaps the segment and cuts its zero tail, leaving a file as long as its records; later calls do nothing.
     */
    void trim()
    {
        if (null == mapping)
        {
            return;
        }
        mapped.wrap(0, 0);
        IoUtil.unmap(mapping);
        mapping = null;
        try
        {
            channel.truncate(position);
            Files.deleteIfExists(SegmentFiles.reusedMarker(segment.file()));
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot truncate segment " + segment.file(), ex);
        }
    }

    public void close()
    {
        try
        {
            trim();
        }
        finally
        {
            closeChannel();
        }
    }

    /**
     * Extends the file with zeros to a length once, as mapping it whole would, so that moving the window does not
     * extend it again and again.
     */
    private void extend(final long length)
    {
        try
        {
            if (channel.size() < length)
            {
                IoUtil.unmap(map(0, length));
            }
        }
        catch (final IOException ex)
        {
            closeChannel();
            throw new DurabilityException("cannot extend segment " + segment.file(), ex);
        }
    }

    /**
     * Maps the window that holds a record about to be written at a position, then unmaps the old one.
     *
     * @param start  where the record goes.
     * @param length to be written from there, zero when opening.
     */
    private void mapWindow(final long start, final int length)
    {
        final long windowStart = start - start % WINDOW_LENGTH;
        final long end = Math.max(Math.min(windowStart + WINDOW_LENGTH + WINDOW_SLACK,
            Math.max(segmentLength, start)), start + length);
        final MappedByteBuffer next = map(windowStart, end - windowStart);
        if (null != mapping)
        {
            IoUtil.unmap(mapping);
        }
        mapping = next;
        mappingStart = windowStart;
        mappingEnd = end;
        mapped.wrap(mapping);
    }

    /**
     * Moves the floor up to the last record boundary at or below the new window's start: every page below it was
     * written through mappings unmapped since, and no page-cache folio (naturally aligned, at most a window long)
     * holding bytes below it also holds bytes of the new window. Only the record written last may cross the
     * window's start.
     *
     * @param start    where the record about to be written begins, at or past the new window's start.
     * @param sequence of that record.
     */
    private void moveFloor(final long start, final long sequence)
    {
        final long boundary;
        final long below;
        if (start == mappingStart)
        {
            boundary = start;
            below = sequence - 1;
        }
        else
        {
            boundary = lastStart;
            below = sequence - 2;
        }
        if (boundary <= mappingStart && boundary > floor.position())
        {
            floor = new WindowFloor(boundary, below);
        }
    }

    private MappedByteBuffer map(final long start, final long length)
    {
        try
        {
            return channel.map(FileChannel.MapMode.READ_WRITE, start, length);
        }
        catch (final IOException ex)
        {
            closeChannel();
            throw new DurabilityException("cannot map segment " + segment.file(), ex);
        }
    }

    private void closeChannel()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot close segment " + segment.file(), ex);
        }
    }

    /**
     * Where the current mapping window's records begin, and the sequence of the last record before them.
     *
     * @param position in the segment.
     * @param sequence of the record ending there, {@link #NOTHING_FORCED} when none in this segment.
     */
    private record WindowFloor(long position, long sequence)
    {
    }
}
