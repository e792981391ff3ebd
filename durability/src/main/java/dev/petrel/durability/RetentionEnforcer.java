/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes whole sealed segments from the head of the log, never the active one: first those every registered
 * receiver acknowledged, then the oldest while the log is over its length limit or their newest record is over the
 * age limit. With no receiver registered, only the length and age limits delete. Records deleted by a limit before
 * a receiver acknowledged them are reported and added to the receiver's lost count. A deleted segment's file is
 * kept as a {@link SpareSegments spare} when there is room for one.
 * <p>
 * Runs under the log's append lock.
 */
final class RetentionEnforcer
{
    private static final int KEEP = -1;
    private static final int BY_ACKS = 0;
    private static final int BY_LENGTH = 1;
    private static final int BY_AGE = 2;

    private final Path dir;
    private final SegmentCatalog catalog;
    private final ReceiverCursors cursors;
    private final long maxLength;
    private final long maxAgeNs;
    private final SpareSegments spares;

    RetentionEnforcer(
        final Path dir, final SegmentCatalog catalog, final ReceiverCursors cursors, final long maxLength,
        final long maxAgeNs, final SpareSegments spares)
    {
        this.spares = spares;
        this.dir = dir;
        this.catalog = catalog;
        this.cursors = cursors;
        this.maxLength = maxLength;
        this.maxAgeNs = maxAgeNs;
    }

    RetentionReport enforce(final long nowNs)
    {
        final boolean hasReceivers = cursors.count() > 0;
        if (hasReceivers)
        {
            cursors.force();
        }
        final long minAcked = hasReceivers ? cursors.minAckedSequence() : -1;
        final Map<String, ReceiverLoss> losses = new LinkedHashMap<>();
        final int[] counts = new int[3];
        long totalLength = catalog.totalLength();
        long bytesDeleted = 0;
        Segment head;
        while (null != (head = catalog.first()) && head.sealed())
        {
            final int reason = reason(head, minAcked, totalLength, nowNs);
            if (KEEP == reason)
            {
                break;
            }
            if (BY_ACKS != reason)
            {
                recordLosses(head, losses);
            }
            delete(head);
            counts[reason]++;
            totalLength -= head.length();
            bytesDeleted += head.length();
        }
        if (bytesDeleted > 0)
        {
            SegmentFiles.syncDirectory(dir);
        }
        return new RetentionReport(
            counts[BY_ACKS], counts[BY_LENGTH], counts[BY_AGE], bytesDeleted, catalog.firstSequence(),
            new ArrayList<>(losses.values()));
    }

    private int reason(final Segment segment, final long minAcked, final long totalLength, final long nowNs)
    {
        if (minAcked >= segment.lastSequence())
        {
            return BY_ACKS;
        }
        if (maxLength > 0 && totalLength > maxLength)
        {
            return BY_LENGTH;
        }
        if (maxAgeNs > 0 && nowNs - segment.lastTimestampNs() > maxAgeNs)
        {
            return BY_AGE;
        }
        return KEEP;
    }

    private void recordLosses(final Segment segment, final Map<String, ReceiverLoss> losses)
    {
        final List<ReceiverPosition> positions = cursors.positions();
        for (final ReceiverPosition position : positions)
        {
            final long from = Math.max(position.ackedSequence() + 1, segment.firstSequence());
            if (from <= segment.lastSequence())
            {
                cursors.addLostRecords(position.name(), segment.lastSequence() - from + 1);
                final ReceiverLoss previous = losses.get(position.name());
                final long lossStart = null == previous ? from : previous.fromSequence();
                losses.put(position.name(), new ReceiverLoss(position.name(), lossStart, segment.lastSequence()));
            }
        }
    }

    private void delete(final Segment segment)
    {
        catalog.removeFirst();
        if (spares.keep(segment))
        {
            return;
        }
        try
        {
            IndexFile.delete(segment.file());
            Files.deleteIfExists(segment.file());
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot delete segment " + segment.file(), ex);
        }
    }
}
