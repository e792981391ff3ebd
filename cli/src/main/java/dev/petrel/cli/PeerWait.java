/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Waits, polling every millisecond up to a deadline, for a socket to have enough connected peers; for sockets
 * that offer no blocking wait of their own. Runs on the calling thread.
 */
final class PeerWait
{
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private PeerWait()
    {
    }

    /**
     * @param peers   the socket's current peer count.
     * @param wanted  how many peers are enough.
     * @param timeout most time to wait.
     * @return the peer count at the end: at least {@code wanted} unless the timeout passed.
     */
    static int await(final IntSupplier peers, final int wanted, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        int count = peers.getAsInt();
        while (count < wanted && System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted())
        {
            LockSupport.parkNanos(POLL_NS);
            count = peers.getAsInt();
        }
        return count;
    }
}
