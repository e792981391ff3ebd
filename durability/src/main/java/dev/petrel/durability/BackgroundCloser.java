/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.io.Closeable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.agrona.CloseHelper;

/**
 * Closes read-only segment files on a daemon thread rather than on the reader's. The last close of a segment that
 * retention has already deleted frees the file's blocks; on a file system that discards freed blocks at once (ext4
 * mounted with {@code discard}, as on the build machine) that took about 10 ms, a stall a reader running on a node's
 * I/O thread must not take. The thread ends after a second without work.
 */
final class BackgroundCloser
{
    private static final ThreadPoolExecutor CLOSER = newCloser();

    private BackgroundCloser()
    {
    }

    private static ThreadPoolExecutor newCloser()
    {
        final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task ->
            {
                final Thread thread = new Thread(task, "petrel-log-closer");
                thread.setDaemon(true);
                return thread;
            });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * @param closeable a read-only file, closed soon on the closer's thread; a failure to close it is ignored, as
     *                  nothing was written through it.
     */
    static void closeLater(final Closeable closeable)
    {
        CLOSER.execute(() -> CloseHelper.quietClose(closeable));
    }
}
