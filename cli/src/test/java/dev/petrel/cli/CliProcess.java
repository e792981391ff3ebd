/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code petrel} command run as a child JVM on the test class path, with its stdout and stderr collected
 * line by line as they come. Close it to kill the process if it is still running.
 */
final class CliProcess implements AutoCloseable
{
    private static final String END = new String("end of stream");
    private static final String BOUND = "petrel: bound ";

    private final Process process;
    private final BlockingQueue<String> outLines = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private CliProcess(final Process process)
    {
        this.process = process;
        pump(process.getInputStream(), outLines, "stdout");
        pump(process.getErrorStream(), errLines, "stderr");
    }

    /**
     * @param args the petrel command line.
     * @return the running command.
     */
    static CliProcess start(final String... args)
    {
        final List<String> command = new ArrayList<>(List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx256m",
            "-cp", System.getProperty("java.class.path"),
            Main.class.getName()));
        command.addAll(List.of(args));
        try
        {
            return new CliProcess(new ProcessBuilder(command).directory(Path.of(".").toFile()).start());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param text written to the command's stdin, which is then closed.
     * @return this.
     */
    CliProcess stdin(final String text)
    {
        try (OutputStream in = process.getOutputStream())
        {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    /**
     * Waits for a stderr line.
     *
     * @param match what the line must satisfy.
     * @param timeout how long to wait.
     * @return the line.
     * @throws AssertionError when none came in time.
     */
    String awaitErrLine(final Predicate<String> match, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0)
        {
            final String line = poll(errLines, deadline);
            if (END == line)
            {
                break;
            }
            if (null != line)
            {
                err.add(line);
                if (match.test(line))
                {
                    return line;
                }
            }
        }
        throw new AssertionError("no matching stderr line; stderr so far: " + err);
    }

    /**
     * Waits for the {@code petrel: bound ENDPOINT} line a bind to port 0 prints.
     *
     * @param timeout how long to wait.
     * @return the endpoint bound.
     * @throws AssertionError when none came in time.
     */
    String awaitBoundEndpoint(final Duration timeout)
    {
        return awaitErrLine(line -> line.startsWith(BOUND), timeout).substring(BOUND.length());
    }

    /**
     * Waits until the command has printed at least a number of stdout lines in all.
     *
     * @param count   stdout lines wanted.
     * @param timeout how long to wait.
     * @return every stdout line read so far.
     * @throws AssertionError when fewer came in time.
     */
    List<String> awaitOutLines(final int count, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count && System.nanoTime() - deadline < 0)
        {
            final String line = poll(outLines, deadline);
            if (END == line)
            {
                break;
            }
            if (null != line)
            {
                out.add(line);
            }
        }
        if (out.size() < count)
        {
            throw new AssertionError(out.size() + " of " + count + " stdout lines; stderr so far: " + err);
        }
        return out;
    }

    /**
     * Kills the command at once, as {@code kill -9} does, and waits for it to end.
     *
     * @param timeout how long to wait for it to end.
     */
    void kill(final Duration timeout)
    {
        process.destroyForcibly();
        awaitExit(timeout);
    }

    /**
     * Asks the command to stop, as {@code kill} does (SIGTERM).
     */
    void terminate()
    {
        process.destroy();
    }

    /**
     * Waits for the command to exit and for its output to be read.
     *
     * @param timeout how long to wait.
     * @return the exit code.
     * @throws AssertionError when it is still running at the timeout.
     */
    int awaitExit(final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        try
        {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS))
            {
                throw new AssertionError("still running after " + timeout + "; stdout " + drain(outLines, out, 0) +
                    " stderr " + drain(errLines, err, 0));
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
        drain(outLines, out, deadline);
        drain(errLines, err, deadline);
        return process.exitValue();
    }

    /**
     * @return every stdout line read so far.
     */
    List<String> out()
    {
        return out;
    }

    /**
     * @return every stderr line read so far.
     */
    List<String> err()
    {
        return err;
    }

    @Override
    public void close()
    {
        process.destroyForcibly();
    }

    private static List<String> drain(final BlockingQueue<String> lines, final List<String> into, final long deadline)
    {
        String line;
        while (null != (line = 0 == deadline ? lines.poll() : poll(lines, deadline)) && END != line)
        {
            into.add(line);
        }
        return into;
    }

    private static String poll(final BlockingQueue<String> lines, final long deadline)
    {
        try
        {
            return lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static void pump(final InputStream stream, final BlockingQueue<String> lines, final String name)
    {
        final Thread thread = new Thread(() ->
        {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = reader.readLine()))
                {
                    lines.add(line);
                }
            }
            catch (final IOException ignore)
            {
                // The process was killed; what was read is all there is.
            }
            finally
            {
                lines.add(END);
            }
        }, "petrel-cli-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
