/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

/**
 * Messages and payload bytes one socket (or all of them) moved over a span of time.
 *
 * @param index     the socket's index among its kind, or -1 for an aggregate.
 * @param messages  messages sent or received.
 * @param bytes     their payload bytes.
 * @param elapsedNs the span they took.
 */
public record Throughput(int index, long messages, long bytes, long elapsedNs)
{
    /**
     * @return messages per second, 0 when no time passed.
     */
    public double messagesPerSec()
    {
        return elapsedNs > 0 ? messages * 1e9 / elapsedNs : 0;
    }

    /**
     * @return payload megabytes (10^6 bytes) per second, 0 when no time passed.
     */
    public double megabytesPerSec()
    {
        return elapsedNs > 0 ? bytes * 1e3 / elapsedNs : 0;
    }
}
