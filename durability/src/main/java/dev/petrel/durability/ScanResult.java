/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

/**
 * Outcome of scanning one segment file.
 *
 * @param validLength     bytes from the start of the file up to the end of the last intact record.
 * @param fileLength      length of the file when scanned.
 * @param lastSequence    sequence of the last intact record, or the segment's first sequence minus one.
 * @param lastTimestampNs timestamp of the last intact record, or zero.
 * @param damage          found at {@code validLength}, or {@link RecordDamage#NONE} when the file ends there or
 *                        only zeros follow.
 */
record ScanResult(long validLength, long fileLength, long lastSequence, long lastTimestampNs, RecordDamage damage)
{
}
