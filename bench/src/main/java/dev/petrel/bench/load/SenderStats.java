/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

/**
 * What one sender did in one phase. Written by the sending thread; read by others through the volatile fields.
 */
final class SenderStats
{
    private volatile long sent;
    private volatile long startNs;
    private volatile long endNs;
    private volatile Throwable failure;

    void onStart(final long nowNs)
    {
        startNs = nowNs;
    }

    void onSent()
    {
        sent = sent + 1;
    }

    void onEnd(final long nowNs)
    {
        endNs = nowNs;
    }

    void onFailure(final Throwable error)
    {
        if (null == failure)
        {
            failure = error;
        }
    }

    long sent()
    {
        return sent;
    }

    long startNs()
    {
        return startNs;
    }

    long endNs()
    {
        return endNs;
    }

    Throwable failure()
    {
        return failure;
    }
}
