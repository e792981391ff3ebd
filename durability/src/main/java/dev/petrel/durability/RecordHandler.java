/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.DirectBuffer;

/**
 * Callback for records read from a log.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * Called for each record in sequence order. The buffer is a view reused by the reader: copy what must outlive
     * the call.
     *
     * @param buffer      holding the payload.
     * @param offset      of the payload in the buffer.
     * @param length      of the payload in bytes.
     * @param sequence    of the record.
     * @param timestampNs when the record was appended, in nanoseconds since the epoch.
     */
    void onRecord(DirectBuffer buffer, int offset, int length, long sequence, long timestampNs);
}
