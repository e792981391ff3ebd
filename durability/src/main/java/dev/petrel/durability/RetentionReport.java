/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.util.List;

/**
 * Outcome of one retention pass over a log.
 *
 * @param deletedByAcks          segments deleted because every receiver had acknowledged them.
 * @param deletedByLength        segments deleted because the log exceeded its length limit.
 * @param deletedByAge           segments deleted because their newest record exceeded the age limit.
 * @param bytesDeleted           total length of the deleted segments.
 * @param firstRetainedSequence  first sequence still in the log after the pass.
 * @param losses                 unacknowledged records deleted, per receiver; empty when nothing was lost.
 * @since 0.1.0
 */
public record RetentionReport(
    int deletedByAcks,
    int deletedByLength,
    int deletedByAge,
    long bytesDeleted,
    long firstRetainedSequence,
    List<ReceiverLoss> losses)
{
    /**
     * Total number of segments deleted.
     *
     * @return the sum over all reasons.
     */
    public int segmentsDeleted()
    {
        return deletedByAcks + deletedByLength + deletedByAge;
    }
}
