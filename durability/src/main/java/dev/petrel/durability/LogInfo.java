/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.nio.file.Path;
import java.util.List;

/**
 * Summary of a log directory.
 *
 * @param directory     of the log.
 * @param segments      in sequence order.
 * @param firstSequence first retained sequence.
 * @param lastSequence  last intact sequence, zero for an empty log.
 * @param totalLength   of all segments in bytes.
 * @param spareLength   of the spare files kept for new segments to reuse, in bytes, not counted in the total.
 * @param receivers     durable receivers and their positions.
 * @since 0.1.0
 */
public record LogInfo(
    Path directory,
    List<SegmentInfo> segments,
    long firstSequence,
    long lastSequence,
    long totalLength,
    long spareLength,
    List<ReceiverPosition> receivers)
{
    /**
     * Multi-line human-readable rendering.
     *
     * @return the summary as text.
     */
    public String toString()
    {
        final StringBuilder text = new StringBuilder();
        text.append("directory: ").append(directory).append('\n')
            .append("sequences: ").append(firstSequence).append("..").append(lastSequence).append('\n')
            .append("total length: ").append(totalLength).append(" bytes in ").append(segments.size())
            .append(" segments\n")
            .append("spare files: ").append(spareLength).append(" bytes, kept for new segments to reuse\n");
        for (final SegmentInfo segment : segments)
        {
            text.append("  ").append(segment.fileName()).append(' ').append(segment.firstSequence()).append("..")
                .append(segment.lastSequence()).append(' ').append(segment.length()).append(" bytes\n");
        }
        text.append("receivers: ").append(receivers.size()).append('\n');
        for (final ReceiverPosition receiver : receivers)
        {
            text.append("  ").append(receiver.name()).append(" acked=").append(receiver.ackedSequence())
                .append(" lost=").append(receiver.lostRecords()).append('\n');
        }
        return text.toString();
    }
}
