package dev.petrel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.petrel.test.AeronEndpoints;
import dev.petrel.test.Tests;
import io.aeron.CommonContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Aeron connections over their life: large messages, a restarted peer, multicast on loopback, and a node that
 * leaves no thread and no driver directory behind.
 */
class AeronLifecycleTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldDeliverMessagesLargerThanOneMtuAndThanOneMebibyteIntact(final String media)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller();
            final String endpoint = puller.bind(AeronEndpoints.bindEndpoint(media) + "|term-length=16m");
            final Pusher pusher = node.pusher().sendTimeout(TIMEOUT);
            pusher.connect(endpoint);
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");

            for (final int length : new int[]{ 5_000, 1_500_000 })
            {
                final byte[] payload = new byte[length];
                ThreadLocalRandom.current().nextBytes(payload);
                pusher.send(payload);
                final Message message = puller.receive(TIMEOUT);
                assertNotNull(message, "a message of " + length + " bytes");
                assertArrayEquals(payload, message.payload());
            }
        }
    }

    @Test
    void shouldReportAndDropAMessageLargerThanTheTermLengthAllows()
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller();
            final Pusher pusher = node.pusher().sendTimeout(TIMEOUT);
            pusher.connect(puller.bind("aeron:udp?endpoint=127.0.0.1:0|term-length=64k"));
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");

            pusher.send(new byte[64 * 1024]);
            pusher.send("small");
            assertEquals("small", puller.receive(TIMEOUT).payloadAsString());
            assertEquals(1, node.stats().errors());
        }
    }

    @Test
    void shouldResumeAfterTheBoundPullerRestarts()
    {
        final String endpoint = "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort();
        try (Node senderNode = Node.create(Tests.fastContext()))
        {
            Node pullerNode = Node.create(Tests.fastContext());
            try
            {
                pullerNode.puller().bind(endpoint);
                final Pusher pusher = senderNode.pusher().sendTimeout(TIMEOUT);
                pusher.connect(endpoint);
                await(() -> 1 == pusher.peerCount(), TIMEOUT, "the first puller");

                pullerNode.close();
                await(() -> 0 == pusher.peerCount(), TIMEOUT, "the pusher to notice the restart");
                pullerNode = Node.create(Tests.fastContext());
                final Puller second = pullerNode.puller();
                second.bind(endpoint);
                await(() -> 1 == pusher.peerCount(), TIMEOUT, "the restarted puller");

                for (int i = 0; i < 100; i++)
                {
                    pusher.send("after-" + i);
                }
                for (int i = 0; i < 100; i++)
                {
                    final Message message = second.receive(TIMEOUT);
                    assertNotNull(message, "message " + i + " after the restart");
                    assertEquals("after-" + i, message.payloadAsString());
                }
            }
            finally
            {
                pullerNode.close();
            }
        }
    }

    @Test
    void shouldRunWithoutAeronThreadsAndLeaveNothingBehindWhenClosed()
    {
        final Set<String> before = liveThreadNames();
        final Node node = Node.create(Tests.fastContext());
        final Puller puller = node.puller();
        final Pusher pusher = node.pusher().sendTimeout(TIMEOUT);
        pusher.connect(puller.bind("aeron:udp?endpoint=127.0.0.1:0"));
        await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");
        pusher.send("ping");
        assertEquals("ping", puller.receive(TIMEOUT).payloadAsString());

        final Set<String> added = liveThreadNames();
        added.removeAll(before);
        assertEquals(1, added.size(), "only the node's I/O thread: " + added);
        assertTrue(added.iterator().next().startsWith("petrel-io"), added.toString());
        assertEquals(1, driverDirectories().length, "the embedded driver's directory while running");

        node.close();
        final Set<String> after = liveThreadNames();
        after.removeAll(before);
        assertEquals(Set.of(), after, "threads left after close");
        assertEquals(0, driverDirectories().length, "driver directories left after close");
    }

    @Test
    void shouldReachABinderThroughALoopbackMulticastGroup()
    {
        final String endpoint = "aeron:udp?endpoint=224.0.1.1:" + freeUdpPort() + "|interface=127.0.0.1";
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller();
            puller.bind(endpoint);
            final Pusher pusher = node.pusher().sendTimeout(TIMEOUT);
            pusher.connect(endpoint);
            assumeTrue(Tests.awaitQuietly(() -> 1 == pusher.peerCount(), Duration.ofSeconds(3)),
                "multicast on the loopback interface is not available on this machine (lo has no MULTICAST flag " +
                "or no multicast route)");
            pusher.send("over multicast");
            assertEquals("over multicast", puller.receive(TIMEOUT).payloadAsString());
        }
        catch (final PetrelException ex)
        {
            assumeTrue(false, "multicast on the loopback interface is not available: " + ex.getMessage());
        }
    }

    private static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Set<String> liveThreadNames()
    {
        final Set<String> names = new HashSet<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.isAlive())
            {
                names.add(thread.getName());
            }
        }
        return names;
    }

    private static File[] driverDirectories()
    {
        final File base = new File(CommonContext.getAeronDirectoryName());
        final String prefix = base.getName() + "-petrel-" + ProcessHandle.current().pid() + "-";
        final File[] found = base.getParentFile().listFiles((dir, name) -> name.startsWith(prefix));
        return null == found ? new File[0] : found;
    }
}
