/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Child process for {@link CrashRecoveryTest}: appends with {@link FsyncPolicy#ALWAYS} and prints each sequence
 * once append has returned, until killed. It stops by itself after a bounded time or once its parent is gone.
 */
public final class CrashAppender
{
    private static final long MAX_RUN_NS = TimeUnit.SECONDS.toNanos(30);

    private CrashAppender()
    {
    }

    /**
     * Appends to the log in the given directory until killed.
     *
     * @param args the log directory.
     */
    public static void main(final String[] args)
    {
        final PrintStream out = System.out;
        final long deadlineNs = System.nanoTime() + MAX_RUN_NS;
        final DurableLog.Context ctx = new DurableLog.Context()
            .logDir(Paths.get(args[0]))
            .segmentLength(64 * 1024)
            .maxPayloadLength(1024)
            .fsyncPolicy(FsyncPolicy.ALWAYS);
        try (DurableLog log = DurableLog.open(ctx))
        {
            while (System.nanoTime() < deadlineNs && ProcessHandle.current().parent().map(ProcessHandle::isAlive)
                .orElse(false))
            {
                final byte[] payload = TestLogs.payload(log.lastSequence() + 1);
                out.println(log.append(payload, 0, payload.length));
                out.flush();
            }
        }
    }
}
