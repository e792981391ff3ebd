/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.concurrent.EpochNanoClock;

/**
 * Clock for tests that only moves when told to.
 */
final class ManualEpochNanoClock implements EpochNanoClock
{
    private volatile long nowNs;

    ManualEpochNanoClock(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    public long nanoTime()
    {
        return nowNs;
    }

    void advance(final long durationNs)
    {
        nowNs += durationNs;
    }
}
