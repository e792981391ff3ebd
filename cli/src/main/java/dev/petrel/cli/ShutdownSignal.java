/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a command that runs until stopped wait for SIGINT or SIGTERM (or a stop it calls itself), close its node
 * cleanly, and then exit 0. On a signal, the JVM's shutdown hook wakes the waiting thread, waits (bounded) for the
 * command to {@link #close()}, flushes the writers and ends the process with exit code 0; a command that ends
 * without a signal keeps its own exit code. Use it in try-with-resources, opened before the node so it closes
 * after it.
 */
final class ShutdownSignal implements AutoCloseable
{
    private static final Duration CLOSE_WAIT = NodeFactory.LINGER.plusSeconds(10);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final PrintWriter out;
    private final PrintWriter err;
    private final Thread hook = new Thread(this::onSignal, "petrel-shutdown");

    private ShutdownSignal(final PrintWriter out, final PrintWriter err)
    {
        this.out = out;
        this.err = err;
    }

    /**
     * @param out the command's output, flushed before a signalled exit.
     * @param err the command's diagnostics, flushed before a signalled exit.
     * @return a signal barrier, listening from now until closed.
     */
    static ShutdownSignal register(final PrintWriter out, final PrintWriter err)
    {
        final ShutdownSignal signal = new ShutdownSignal(out, err);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /**
     * Wakes {@link #await()} without a signal; any thread may call it.
     */
    void stop()
    {
        stop.countDown();
    }

    /**
     * Blocks until a signal arrives or {@link #stop()} is called.
     */
    void await()
    {
        try
        {
            stop.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reports that the command has closed what it opened; after a signal, the process then exits 0.
     */
    @Override
    public void close()
    {
        closed.countDown();
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // The JVM is already shutting down on a signal: the hook ends the process.
        }
    }

    private void onSignal()
    {
        stop.countDown();
        try
        {
            if (closed.await(CLOSE_WAIT.toNanos(), TimeUnit.NANOSECONDS))
            {
                out.flush();
                err.flush();
                Runtime.getRuntime().halt(ExitCodes.OK);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
