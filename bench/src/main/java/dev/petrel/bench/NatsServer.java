package dev.petrel.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@code nats-server} process this JVM started on a free port of 127.0.0.1, for the NATS rows. Starting waits,
 * bounded, until the server accepts connections; closing stops the process, bounded, killing it if it lingers.
 */
public final class NatsServer implements AutoCloseable
{
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int CONNECT_TIMEOUT_MS = 200;
    private static final long STOP_WAIT_SECONDS = 5;

    private final Process process;
    private final int port;

    private NatsServer(final Process process, final int port)
    {
        this.process = process;
        this.port = port;
    }

    /**
     * @param binary the nats-server executable.
     * @return true when it exists and may be executed.
     */
    public static boolean isAvailable(final Path binary)
    {
        return Files.isRegularFile(binary) && Files.isExecutable(binary);
    }

    /**
     * Starts a server on a free loopback port and waits until it accepts connections.
     *
     * @param binary  the nats-server executable.
     * @param timeout how long starting may take.
     * @return the running server.
     * @throws IOException           when the process cannot be started.
     * @throws IllegalStateException when it exits or does not listen within the timeout.
     */
    public static NatsServer start(final Path binary, final Duration timeout) throws IOException
    {
        final int port = freePort();
        final Process process = new ProcessBuilder(binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        final NatsServer server = new NatsServer(process, port);
        try
        {
            server.awaitListening(timeout);
            return server;
        }
        catch (final RuntimeException ex)
        {
            server.close();
            throw ex;
        }
    }

    private void awaitListening(final Duration timeout)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (!accepts())
        {
            if (!process.isAlive())
            {
                throw new IllegalStateException("nats-server exited with status " + process.exitValue());
            }
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException(
                    "nats-server did not listen on port " + port + " within " + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }

    private boolean accepts()
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * @return the client URL, {@code nats://127.0.0.1:<port>}.
     */
    public String url()
    {
        return "nats://127.0.0.1:" + port;
    }

    /**
     * @return true while the process runs.
     */
    public boolean isRunning()
    {
        return process.isAlive();
    }

    /**
     * Stops the server: asks it to exit, then kills it if it has not within five seconds.
     */
    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
