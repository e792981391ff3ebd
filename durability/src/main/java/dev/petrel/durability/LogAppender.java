/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static dev.petrel.durability.RecordDescriptor.*;

/**
 * Frames payloads into records, writes them to the active segment and rolls to a new segment when it is full.
 * <p>
 * Every method except the accessors of volatile state runs under the log's append lock. The steady-state append
 * frames the payload in one reused direct buffer, where its CRC is computed, and copies the frame into the mapped
 * active segment; it makes no system call and allocates nothing. A roll unmaps and trims the full segment before its
 * index file is written, so a sealed segment's file is exactly as long as its records, and starts the next segment
 * in a spare when retention left one.
 */
final class LogAppender
{
    private final Path dir;
    private final SegmentCatalog catalog;
    private final FsyncPolicy fsyncPolicy;
    private final EpochNanoClock clock;
    private final long segmentLength;
    private final int maxPayloadLength;
    private final int indexIntervalLength;
    private final ByteBuffer frameByteBuffer;
    private final UnsafeBuffer frame;
    private final CRC32C crc = new CRC32C();
    private final GroupCommit groupCommit;
    private final Runnable onRoll;
    private final SpareSegments spares;
    private long nextSequence;
    private long appendedLength;
    private long lastTimestampNs;
    private volatile long lastSequence;
    private volatile SegmentWriter writer;

    LogAppender(
        final DurableLog.Context ctx, final SegmentCatalog catalog, final SpareSegments spares, final Runnable onRoll)
    {
        this.spares = spares;
        this.dir = ctx.logDir();
        this.catalog = catalog;
        this.fsyncPolicy = ctx.fsyncPolicy();
        this.clock = ctx.epochNanoClock();
        this.segmentLength = ctx.segmentLength();
        this.maxPayloadLength = ctx.maxPayloadLength();
        this.indexIntervalLength = ctx.indexIntervalLength();
        this.onRoll = onRoll;
        frameByteBuffer = ByteBuffer.allocateDirect(HEADER_LENGTH + maxPayloadLength);
        frame = new UnsafeBuffer(frameByteBuffer);
        if (null == catalog.last())
        {
            catalog.add(new Segment(SegmentFiles.segmentFile(dir, 1), 1, newIndex()));
            writer = new SegmentWriter(catalog.last(), segmentLength, indexIntervalLength);
            SegmentFiles.syncDirectory(dir);
        }
        else
        {
            writer = new SegmentWriter(catalog.last(), segmentLength, indexIntervalLength);
            if (FsyncPolicy.NEVER != fsyncPolicy)
            {
                writer.force();
            }
        }
        lastSequence = catalog.last().lastSequence();
        nextSequence = lastSequence + 1;
        groupCommit = new GroupCommit(this::lastSequence, this::writer);
    }

    GroupCommit groupCommit()
    {
        return groupCommit;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    long appendedLength()
    {
        return appendedLength;
    }

    long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    SegmentWriter writer()
    {
        return writer;
    }

    long append(final DirectBuffer buffer, final int offset, final int length)
    {
        checkPayloadLength(length);
        frame.putBytes(HEADER_LENGTH, buffer, offset, length);
        return commit(length);
    }

    long append(final byte[] bytes, final int offset, final int length)
    {
        checkPayloadLength(length);
        frame.putBytes(HEADER_LENGTH, bytes, offset, length);
        return commit(length);
    }

    void close()
    {
        if (FsyncPolicy.NEVER != fsyncPolicy)
        {
            groupCommit.force();
        }
        groupCommit.close();
        writer.close();
    }

    private long commit(final int payloadLength)
    {
        final int frameLength = HEADER_LENGTH + payloadLength;
        if (writer.position() > 0 && writer.position() + frameLength > segmentLength)
        {
            roll();
        }
        final long sequence = nextSequence;
        final long timestampNs = clock.nanoTime();
        frame.putInt(LENGTH_OFFSET, frameLength, BYTE_ORDER);
        frame.putLong(SEQUENCE_OFFSET, sequence, BYTE_ORDER);
        frame.putLong(TIMESTAMP_OFFSET, timestampNs, BYTE_ORDER);
        frame.putInt(CRC_OFFSET, computeCrc(crc, frameByteBuffer, 0, frameLength), BYTE_ORDER);
        writer.write(frame, frameLength, sequence, timestampNs);
        nextSequence = sequence + 1;
        appendedLength += frameLength;
        lastTimestampNs = timestampNs;
        lastSequence = sequence;
        return sequence;
    }

    private void roll()
    {
        final SegmentWriter old = writer;
        if (FsyncPolicy.NEVER != fsyncPolicy)
        {
            old.force();
            groupCommit.onForced(lastSequence);
        }
        old.segment().seal();
        old.trim();
        IndexFile.write(old.segment());
        final Segment segment = new Segment(
            SegmentFiles.segmentFile(dir, nextSequence), nextSequence, newIndex());
        spares.reuseAs(segment.file());
        writer = new SegmentWriter(segment, segmentLength, indexIntervalLength);
        catalog.add(segment);
        if (FsyncPolicy.NEVER != fsyncPolicy)
        {
            SegmentFiles.syncDirectory(dir);
        }
        groupCommit.retire(old);
        onRoll.run();
    }

    private SparseIndex newIndex()
    {
        return new SparseIndex(segmentLength / indexIntervalLength + 1);
    }

    private void checkPayloadLength(final int length)
    {
        if (length < 0 || length > maxPayloadLength)
        {
            throw new IllegalArgumentException(
                "payload length " + length + " outside 0.." + maxPayloadLength + " (max payload length)");
        }
    }
}
