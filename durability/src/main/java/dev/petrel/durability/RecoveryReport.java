/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.nio.file.Path;

/**
 * What opening a log found and cut: a log whose tail is intact reports {@link RecordDamage#NONE} and nothing cut.
 *
 * @param lastGoodSequence sequence of the last intact record kept, zero if the log is empty.
 * @param bytesTruncated   bytes removed, counting the cut tail and any later segment files deleted.
 * @param segmentsDeleted  segment files after the damage that were deleted whole.
 * @param segment          file in which the damage was found, or null.
 * @param offset           of the first damaged byte in that file, or -1.
 * @param damage           kind of damage found.
 * @since 0.1.0
 */
public record RecoveryReport(
    long lastGoodSequence, long bytesTruncated, int segmentsDeleted, Path segment, long offset, RecordDamage damage)
{
    /**
     * Whether recovery cut anything.
     *
     * @return true if damage was found and removed.
     */
    public boolean truncated()
    {
        return RecordDamage.NONE != damage;
    }
}
