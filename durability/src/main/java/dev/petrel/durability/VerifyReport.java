/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.nio.file.Path;

/**
 * Outcome of checking every record of every segment of a log.
 *
 * @param segmentsChecked segment files read.
 * @param recordsChecked  intact records found before any damage.
 * @param segment         first damaged segment file, or null when the log is intact.
 * @param offset          of the damage in that file, or -1.
 * @param damage          kind of the first damage, or {@link RecordDamage#NONE}.
 * @since 0.1.0
 */
public record VerifyReport(int segmentsChecked, long recordsChecked, Path segment, long offset, RecordDamage damage)
{
    /**
     * Whether every record is intact.
     *
     * @return true when no damage was found.
     */
    public boolean ok()
    {
        return RecordDamage.NONE == damage;
    }

    /**
     * One line describing the outcome.
     *
     * @return {@code OK} with counts, or the damaged file, offset and kind.
     */
    public String toString()
    {
        return ok() ?
            "OK: " + segmentsChecked + " segments, " + recordsChecked + " records" :
            "DAMAGED: " + damage + " in " + segment + " at offset " + offset + " after " + recordsChecked + " records";
    }
}
