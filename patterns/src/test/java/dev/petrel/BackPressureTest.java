package dev.petrel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.petrel.test.Tests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What a pusher does when its puller stops reading, per back-pressure policy, and how blocked calls end on
 * {@link Thread#interrupt()}; over TCP and inproc. The puller keeps a tiny receive queue and the pusher a small
 * high-water mark, and large payloads fill the socket buffers between them quickly.
 */
class BackPressureTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] PAYLOAD = new byte[32 * 1024];
    private static final int MAX_SENDS = 5_000;
    private static final long MAX_FILL_NS = Duration.ofSeconds(8).toNanos();

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldFailABlockingSendAtTheSendTimeoutWhenThePullerDoesNotRead(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = connectedPusher(node, transport).backPressure(BackPressurePolicy.BLOCK)
                .sendTimeout(Duration.ofMillis(200));
            final long blockedNs = sendUntilRefused(pusher);
            assertTrue(blockedNs >= Duration.ofMillis(190).toNanos(), "waited only " + blockedNs / 1_000_000 + " ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldFailAtOnceWithTheFailPolicy(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = connectedPusher(node, transport).backPressure(BackPressurePolicy.FAIL)
                .sendTimeout(Duration.ofSeconds(10));
            final long blockedNs = sendUntilRefused(pusher);
            assertTrue(blockedNs < Duration.ofSeconds(1).toNanos(), "waited " + blockedNs / 1_000_000 + " ms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldDropAndCountPerPeerWithTheDropNewestPolicy(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = connectedPusher(node, transport).backPressure(BackPressurePolicy.DROP_NEWEST);
            final long deadline = System.nanoTime() + MAX_FILL_NS;
            int attempts = 0;
            while (pusher.stats().dropped() < 10 && attempts < MAX_SENDS && System.nanoTime() - deadline < 0)
            {
                pusher.send(PAYLOAD);
                attempts++;
            }
            final SocketStats stats = pusher.stats();
            assertTrue(stats.dropped() >= 10, "dropped " + stats.dropped() + " of " + attempts);
            assertEquals(attempts, stats.sent() + stats.dropped());
            assertEquals(1, stats.dropsByPeer().size());
            final Map<DropReason, Long> reasons = stats.dropsByPeer().values().iterator().next();
            assertEquals(Map.of(DropReason.HIGH_WATER_MARK, stats.dropped()), reasons);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldEndABlockedSendOnInterruptAndKeepWorking(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller().receiveHighWaterMark(1);
            final String endpoint = puller.bind(Tests.bindEndpoint(transport));
            final Pusher pusher = node.pusher().sendHighWaterMark(4).sendTimeout(Duration.ofMillis(200));
            pusher.connect(endpoint);
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");
            sendUntilRefused(pusher);

            pusher.sendTimeout(Duration.ofSeconds(30));
            final AtomicReference<Throwable> outcome = new AtomicReference<>();
            // The kernel may still grow its socket buffers after the first refusal, so keep sending until a send
            // really blocks.
            final Runnable sendUntilBlocked = () ->
            {
                for (int i = 0; i < MAX_SENDS; i++)
                {
                    pusher.send(PAYLOAD);
                }
            };
            final Thread sender = new Thread(() -> outcome.set(catchFrom(sendUntilBlocked)), "blocked-send");
            sender.start();
            await(() -> Thread.State.TIMED_WAITING == sender.getState(), TIMEOUT, "the sender to block");
            sender.interrupt();
            await(() -> !sender.isAlive(), TIMEOUT, "the interrupted sender to return");
            assertInstanceOf(PetrelInterruptedException.class, outcome.get());

            final long accepted = pusher.stats().sent();
            for (int i = 0; i < accepted; i++)
            {
                assertNotNull(puller.receive(TIMEOUT), "queued message " + i);
            }
            pusher.send("still working");
            assertEquals("still working", puller.receive(TIMEOUT).payloadAsString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldEndABlockedReceiveOnInterruptAndKeepWorking(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller();
            final String endpoint = puller.bind(Tests.bindEndpoint(transport));
            final Pusher pusher = node.pusher();
            pusher.connect(endpoint);

            final AtomicReference<Throwable> outcome = new AtomicReference<>();
            final Runnable receive = () -> puller.receive(Duration.ofSeconds(30));
            final Thread receiver = new Thread(() -> outcome.set(catchFrom(receive)), "blocked-receive");
            receiver.start();
            await(() -> Thread.State.TIMED_WAITING == receiver.getState(), TIMEOUT, "the receiver to block");
            receiver.interrupt();
            await(() -> !receiver.isAlive(), TIMEOUT, "the interrupted receiver to return");
            assertInstanceOf(PetrelInterruptedException.class, outcome.get());

            pusher.send("after the interrupt");
            assertEquals("after the interrupt", puller.receive(TIMEOUT).payloadAsString());
        }
    }

    private static Throwable catchFrom(final Runnable call)
    {
        try
        {
            call.run();
            return null;
        }
        catch (final RuntimeException ex)
        {
            return ex;
        }
    }

    private static Pusher connectedPusher(final Node node, final String transport)
    {
        final Puller puller = node.puller().receiveHighWaterMark(1);
        final String endpoint = puller.bind(Tests.bindEndpoint(transport));
        final Pusher pusher = node.pusher().sendHighWaterMark(4);
        pusher.connect(endpoint);
        await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");
        return pusher;
    }

    /**
     * Sends until the pusher refuses (bounded in count and time).
     *
     * @return how long the refused send took.
     */
    private static long sendUntilRefused(final Pusher pusher)
    {
        final long deadline = System.nanoTime() + MAX_FILL_NS;
        for (int i = 0; i < MAX_SENDS && System.nanoTime() - deadline < 0; i++)
        {
            final long start = System.nanoTime();
            try
            {
                pusher.send(PAYLOAD);
            }
            catch (final BackPressureException ex)
            {
                return System.nanoTime() - start;
            }
        }
        return fail("the pusher never refused a send");
    }
}
