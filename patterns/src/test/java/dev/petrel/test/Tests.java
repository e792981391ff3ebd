package dev.petrel.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.petrel.NodeContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Helpers shared by Petrel's system tests: bounded waiting for a condition, free loopback ports, unique inproc
 * names and a look at the node I/O threads still alive.
 */
public final class Tests
{
    private static final long POLL_NS = Duration.ofMillis(1).toNanos();
    private static final AtomicInteger INPROC_NAMES = new AtomicInteger();

    private Tests()
    {
    }

    /**
     * @return node settings for tests: quick reconnects, short send timeout and linger.
     */
    public static NodeContext fastContext()
    {
        return new NodeContext()
            .reconnectInterval(Duration.ofMillis(20))
            .reconnectIntervalMax(Duration.ofMillis(200))
            .sendTimeout(Duration.ofMillis(500))
            .linger(Duration.ofMillis(50));
    }

    /**
     * Polls a condition until it holds, failing the test at the deadline.
     *
     * @param condition what to wait for.
     * @param timeout   how long to wait at most.
     * @param what      names the condition in the failure message.
     */
    public static void await(final BooleanSupplier condition, final Duration timeout, final String what)
    {
        if (!awaitQuietly(condition, timeout))
        {
            fail("timed out after " + timeout.toMillis() + " ms waiting for " + what);
        }
    }

    /**
     * Polls a condition until it holds or the deadline passes.
     *
     * @param condition what to wait for.
     * @param timeout   how long to wait at most.
     * @return true when the condition held in time.
     */
    public static boolean awaitQuietly(final BooleanSupplier condition, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            LockSupport.parkNanos(POLL_NS);
        }
        return true;
    }

    /**
     * @return a TCP port on 127.0.0.1 that was free a moment ago.
     */
    public static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return an inproc endpoint no other test uses.
     */
    public static String uniqueInproc()
    {
        return "inproc://test-" + INPROC_NAMES.incrementAndGet();
    }

    /**
     * @param transport {@code tcp} or {@code inproc}.
     * @return an endpoint to bind on that transport (an ephemeral loopback port for TCP).
     */
    public static String bindEndpoint(final String transport)
    {
        return "tcp".equals(transport) ? "tcp://127.0.0.1:0" : uniqueInproc();
    }

    /**
     * @return names of the live threads that belong to Petrel nodes.
     */
    public static Set<String> petrelIoThreads()
    {
        final Set<String> names = new TreeSet<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive() && thread.getName().startsWith("petrel-io"))
            {
                names.add(thread.getName());
            }
        }
        return names;
    }
}
