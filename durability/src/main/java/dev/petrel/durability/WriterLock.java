/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import dev.petrel.durability.exceptions.LogLockedException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive lock on a log directory's lock file that keeps a second writer, in this or another process, out.
 * <p>
 * The operating system releases the lock when the holding process dies, so a crash never leaves a stale lock.
 */
final class WriterLock implements AutoCloseable
{
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    static WriterLock acquire(final Path dir)
    {
        final Path file = dir.resolve(SegmentFiles.LOCK_FILE_NAME);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (null == lock)
            {
                throw lockedException(dir, file);
            }
            return new WriterLock(channel, lock);
        }
        catch (final OverlappingFileLockException ex)
        {
            closeQuietly(channel);
            throw lockedException(dir, file);
        }
        catch (final LogLockedException ex)
        {
            closeQuietly(channel);
            throw ex;
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new DurabilityException("cannot lock log directory " + dir, ex);
        }
    }

    public void close()
    {
        try
        {
            lock.release();
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot release log lock", ex);
        }
    }

    private static LogLockedException lockedException(final Path dir, final Path file)
    {
        return new LogLockedException(
            "log directory " + dir + " is already open for writing by another writer (lock file " + file + ")");
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (null != channel)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // the lock failure is the error worth reporting
            }
        }
    }
}
