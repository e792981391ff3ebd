/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.petrel.Message;
import dev.petrel.ReplyChannel;

/**
 * Answers each request by running a shell command ({@code /bin/sh -c COMMAND}) with the request payload on its
 * stdin, and replying with its stdout, less one trailing newline. A non-zero exit becomes an error reply carrying
 * the first line of the command's stderr. Commands run on a small pool of worker threads with a bounded queue; a
 * request that finds the queue full gets an error reply at once. Stdin and stderr go through files in a private
 * temporary directory, so a command never blocks on a pipe nobody reads. Thread-safe.
 */
final class ExecReplies implements ReplySource
{
    private static final int WORKERS = 2;
    private static final int QUEUE_LENGTH = 64;
    private static final int MAX_OUTPUT_LENGTH = 8 * 1024 * 1024;
    private static final int MAX_ERROR_LENGTH = 4096;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final String command;
    private final Path dir;
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE_LENGTH), ExecReplies::newWorker);
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param command the shell command line.
     * @throws UncheckedIOException when the temporary directory cannot be created.
     */
    ExecReplies(final String command)
    {
        this.command = command;
        try
        {
            this.dir = Files.createTempDirectory("petrel-exec-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a temporary directory for --exec", ex);
        }
    }

    @Override
    public void answer(final long number, final Message request, final ReplyChannel channel)
    {
        try
        {
            workers.execute(() -> run(number, request.payload(), channel));
        }
        catch (final RejectedExecutionException ex)
        {
            channel.fail("replier busy: " + QUEUE_LENGTH + " requests already wait for their command");
        }
    }

    @Override
    public void close()
    {
        workers.shutdownNow();
        for (final Process process : running)
        {
            destroy(process);
        }
        try
        {
            workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        deleteIfExists(dir);
    }

    private void run(final long number, final byte[] payload, final ReplyChannel channel)
    {
        final Path input = dir.resolve("in-" + number);
        final Path errors = dir.resolve("err-" + number);
        try
        {
            Files.write(input, payload);
            final Process process = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectInput(input.toFile())
                .redirectError(errors.toFile())
                .start();
            running.add(process);
            try
            {
                reply(process, errors, channel);
            }
            finally
            {
                running.remove(process);
                destroy(process);
            }
        }
        catch (final IOException ex)
        {
            channel.fail("cannot run '" + command + "': " + ex.getMessage());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            channel.fail("replier closed while '" + command + "' ran");
        }
        finally
        {
            deleteIfExists(input);
            deleteIfExists(errors);
        }
    }

    private static void reply(final Process process, final Path errors, final ReplyChannel channel)
        throws IOException, InterruptedException
    {
        final byte[] output;
        try (InputStream stdout = process.getInputStream())
        {
            output = stdout.readNBytes(MAX_OUTPUT_LENGTH + 1);
        }
        if (output.length > MAX_OUTPUT_LENGTH)
        {
            channel.fail("command output is longer than " + MAX_OUTPUT_LENGTH + " bytes");
            return;
        }
        final int exitCode = process.waitFor();
        if (0 == exitCode)
        {
            channel.reply(withoutTrailingNewline(output));
        }
        else
        {
            channel.fail(firstLine(errors, exitCode));
        }
    }

    private static byte[] withoutTrailingNewline(final byte[] output)
    {
        int length = output.length;
        if (length > 0 && '\n' == output[length - 1])
        {
            length--;
            if (length > 0 && '\r' == output[length - 1])
            {
                length--;
            }
        }
        return length == output.length ? output : Arrays.copyOf(output, length);
    }

    private static String firstLine(final Path errors, final int exitCode) throws IOException
    {
        final byte[] head;
        try (InputStream in = Files.newInputStream(errors))
        {
            head = in.readNBytes(MAX_ERROR_LENGTH);
        }
        final String line = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        return line.isEmpty() ? "command exited with code " + exitCode : line;
    }

    private static void destroy(final Process process)
    {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void deleteIfExists(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            // Left behind in the temporary directory, which the system cleans.
        }
    }

    private static Thread newWorker(final Runnable task)
    {
        final Thread thread = new Thread(task, "petrel-exec");
        thread.setDaemon(true);
        return thread;
    }
}
