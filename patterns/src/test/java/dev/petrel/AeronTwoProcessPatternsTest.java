package dev.petrel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.petrel.test.AeronPeerProcess;
import dev.petrel.test.AeronPullerProcess;
import dev.petrel.test.ChildJvm;
import dev.petrel.test.Tests;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Pub/sub and request/reply over Aeron UDP to a child JVM, and all three patterns over Aeron IPC to a child JVM
 * through one media driver both processes share (launched by the test, named to the child by {@code aeron.dir}).
 */
class AeronTwoProcessPatternsTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldPublishToASubscriberInAnotherProcessOverUdp() throws InterruptedException
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            publishToChild(node, "aeron:udp?endpoint=127.0.0.1:0", null);
        }
    }

    @Test
    void shouldAnswerRequestsFromAnotherProcessOverUdp() throws InterruptedException
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            requestFromChild(node, "aeron:udp?endpoint=127.0.0.1:0", null);
        }
    }

    @Test
    void shouldPushOverIpcToAnotherProcessThroughASharedDriver() throws IOException, InterruptedException
    {
        withSharedDriver((node, aeronDir) ->
        {
            final Pusher pusher = node.pusher().sendTimeout(TIMEOUT);
            final String endpoint = pusher.bind("aeron:ipc?stream-id=4711");
            final int total = 500;
            final Process child = start(aeronDir, AeronPullerProcess.class, endpoint, Integer.toString(total));
            try
            {
                await(() -> 1 == pusher.peerCount() || !child.isAlive(), TIMEOUT, "the child puller");
                for (int i = 0; i < total; i++)
                {
                    pusher.send("job-" + i);
                }
                assertTrue(child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the child to finish");
                assertEquals(List.of("received " + total), output(child));
            }
            finally
            {
                child.destroyForcibly();
            }
        });
    }

    @Test
    void shouldPublishOverIpcToAnotherProcessThroughASharedDriver() throws IOException, InterruptedException
    {
        withSharedDriver((node, aeronDir) -> publishToChild(node, "aeron:ipc?stream-id=4713", aeronDir));
    }

    @Test
    void shouldAnswerRequestsOverIpcFromAnotherProcessThroughASharedDriver() throws IOException, InterruptedException
    {
        withSharedDriver((node, aeronDir) -> requestFromChild(node, "aeron:ipc?stream-id=4714", aeronDir));
    }

    private static void publishToChild(final Node node, final String bindEndpoint, final String aeronDir)
        throws InterruptedException
    {
        final Publisher publisher = node.publisher();
        final String endpoint = publisher.bind(bindEndpoint);
        final int total = 200;
        final Process child = start(aeronDir, AeronPeerProcess.class, "sub", endpoint, Integer.toString(total));
        try
        {
            await(() -> 1 == publisher.subscriberCount() || !child.isAlive(), TIMEOUT, "the child subscriber");
            // the subscription may reach this side after the pipe: publish until the child has enough
            final long deadlineNs = System.nanoTime() + TIMEOUT.toNanos();
            int sent = 0;
            while (!child.waitFor(1, TimeUnit.MILLISECONDS) && System.nanoTime() - deadlineNs < 0)
            {
                publisher.publish("ticks.eu." + sent, "tick-" + sent++);
            }
            assertEquals(List.of("received " + total), output(child));
            assertEquals(0, child.exitValue());
        }
        finally
        {
            child.destroyForcibly();
        }
    }

    private static void requestFromChild(final Node node, final String bindEndpoint, final String aeronDir)
        throws InterruptedException
    {
        final Requester requester = node.requester();
        final String endpoint = requester.bind(bindEndpoint);
        final int total = 100;
        final Process child = start(aeronDir, AeronPeerProcess.class, "reply", endpoint, Integer.toString(total));
        try
        {
            await(() -> 1 == requester.peerCount() || !child.isAlive(), TIMEOUT, "the child replier");
            for (int i = 0; i < total; i++)
            {
                final byte[] payload = ("q-" + i).getBytes(StandardCharsets.UTF_8);
                final Message reply = requester.requestSync("echo", payload, TIMEOUT);
                assertEquals("q-" + i, new String(reply.payload(), StandardCharsets.UTF_8));
            }
            assertTrue(child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the child to finish");
            assertEquals(List.of("answered " + total), output(child));
        }
        finally
        {
            child.destroyForcibly();
        }
    }

    /**
     * Runs the scenario with a node of this process on a media driver the test launches, whose directory the
     * child process is given too.
     */
    private static void withSharedDriver(final SharedDriverScenario scenario) throws IOException, InterruptedException
    {
        final Path directory = Files.createTempDirectory("petrel-shared-driver");
        final String aeronDir = directory.resolve("driver").toString();
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
            Node node = Node.create(Tests.fastContext().aeronDirectory(driver.aeronDirectoryName())))
        {
            scenario.run(node, aeronDir);
        }
        finally
        {
            IoUtil.delete(directory.toFile(), true);
        }
    }

    /**
     * A two-process scenario over a shared media driver.
     */
    @FunctionalInterface
    private interface SharedDriverScenario
    {
        void run(Node node, String aeronDir) throws InterruptedException;
    }

    @Test
    void shouldFailInOneLineWhenNoDriverRunsInTheNamedDirectory() throws IOException
    {
        final Path directory = Files.createTempDirectory("petrel-no-driver");
        try (Node node = Node.create(Tests.fastContext().aeronDirectory(directory.resolve("none").toString())))
        {
            final RuntimeException error = assertThrows(RuntimeException.class,
                () -> node.puller().bind("aeron:ipc?stream-id=4712"));
            assertTrue(error.getMessage().contains("no Aeron media driver runs in "), error.getMessage());
        }
        finally
        {
            IoUtil.delete(directory.toFile(), true);
        }
    }

    private static Process start(final String aeronDir, final Class<?> main, final String... args)
    {
        return ChildJvm.start(null == aeronDir ? List.of(ChildJvm.ADD_EXPORTS) :
            List.of(ChildJvm.ADD_EXPORTS, "-Daeron.dir=" + aeronDir), main, args);
    }

    private static List<String> output(final Process process)
    {
        return ChildJvm.output(process);
    }
}
