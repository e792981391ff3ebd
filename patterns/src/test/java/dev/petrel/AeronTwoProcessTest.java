package dev.petrel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.petrel.test.AeronPullerProcess;
import dev.petrel.test.ChildJvm;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.Test;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Aeron between two JVM processes: push/pull over UDP unicast to a child JVM, and the one-line error a JVM without
 * the flag the embedded driver needs gets.
 */
class AeronTwoProcessTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldPushWorkToAPullerInAnotherProcessOverUdp() throws InterruptedException
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().sendTimeout(TIMEOUT);
            final String endpoint = pusher.bind("aeron:udp?endpoint=127.0.0.1:0");
            final int total = 1000;
            final Process child = startPuller(true, endpoint, total);
            try
            {
                await(() -> 1 == pusher.peerCount() || !child.isAlive(), TIMEOUT, "the child puller");
                for (int i = 0; i < total; i++)
                {
                    pusher.send("job-" + i);
                }
                assertTrue(child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the child to finish");
                assertEquals(List.of("received " + total), output(child));
                assertEquals(0, child.exitValue());
            }
            finally
            {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void shouldNameTheMissingJvmFlagInAOneLineError() throws InterruptedException
    {
        final Process child = startPuller(false, "aeron:udp?endpoint=127.0.0.1:" + Tests.freePort(), 1);
        try
        {
            assertTrue(child.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the child to finish");
            final List<String> output = output(child);
            assertEquals(3, child.exitValue(), output.toString());
            assertEquals(1, output.size(), output.toString());
            assertTrue(output.get(0).contains("--add-exports java.base/jdk.internal.misc=ALL-UNNAMED"), output.get(0));
        }
        finally
        {
            child.destroyForcibly();
        }
    }

    private static Process startPuller(final boolean withFlag, final String endpoint, final int expected)
    {
        return ChildJvm.start(withFlag ? List.of(ChildJvm.ADD_EXPORTS) : List.of(), AeronPullerProcess.class,
            endpoint, Integer.toString(expected));
    }

    private static List<String> output(final Process process)
    {
        return ChildJvm.output(process);
    }
}
