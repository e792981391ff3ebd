package dev.petrel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import dev.petrel.test.Tests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Durable push/pull over Aeron UDP unicast on 127.0.0.1 and over Aeron IPC: a stream processed once across a
 * puller restart, which resumes from what it acknowledged, and a pusher restart that resumes from its receivers'
 * cursors. One node serves every scenario, so the embedded media driver starts once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableAeronTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger IPC_STREAMS = new AtomicInteger(3000);

    @TempDir
    Path dir;

    private Node node;

    @BeforeAll
    void startNode()
    {
        node = Node.create(Tests.fastContext());
    }

    @AfterAll
    void closeNode()
    {
        node.close();
    }

    private static String endpoint(final String media)
    {
        return "udp".equals(media) ? "aeron:udp?endpoint=127.0.0.1:" + Tests.freePort() :
            "aeron:ipc?stream-id=" + IPC_STREAMS.incrementAndGet();
    }

    private DurableLog.Context logContext(final String name)
    {
        return new DurableLog.Context().logDir(dir.resolve(name)).fsyncPolicy(FsyncPolicy.INTERVAL);
    }

    private static MessageHandler counting(final Map<Integer, AtomicInteger> counts)
    {
        return m -> counts.computeIfAbsent(Integer.parseInt(m.payloadAsString()), k -> new AtomicInteger())
            .incrementAndGet();
    }

    private static void assertEachOnce(final Map<Integer, AtomicInteger> counts, final int total)
    {
        assertEquals(total, counts.size(), "distinct messages processed");
        counts.forEach((number, count) -> assertEquals(1, count.get(), "times " + number + " was processed"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldResumeFromTheAcknowledgedSequenceWhenThePullerRestartsMidStream(final String media)
    {
        final Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        final int total = 3_000;
        final Path state = dir.resolve("puller-" + media);
        final Pusher pusher = node.pusher().durable(logContext("log-puller-" + media)).sendTimeout(TIMEOUT);
        try
        {
            final String endpoint = pusher.bind(endpoint(media));
            Puller puller = node.puller().durable("worker", state).handler(counting(counts));
            puller.connect(endpoint);
            for (int i = 1; i <= total; i++)
            {
                pusher.send(Integer.toString(i));
                if (i == total / 3)
                {
                    await(() -> counts.size() >= total / 6, TIMEOUT, "a first share");
                    puller.close();
                    final long acknowledged = pusher.acknowledgedSequence();
                    assertTrue(acknowledged >= total / 6, "acknowledged before the restart: " + acknowledged);
                    puller = node.puller().durable("worker", state).handler(counting(counts));
                    puller.connect(endpoint);
                }
            }
            await(() -> total == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
            puller.close();
            assertEachOnce(counts, total);
        }
        finally
        {
            pusher.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldDeliverMessagesLargerThanOnePipeRecord(final String media)
    {
        // A small pipe ring, so that a message larger than one of its records still fits the channel's
        // term-length / 8 (128 KiB for IPC by default).
        final int pipeBufferLength = 256 * 1024;
        final int length = 3 * pipeBufferLength / 8 + 11;
        final Map<Integer, AtomicInteger> lengths = new ConcurrentHashMap<>();
        try (Node small = Node.create(Tests.fastContext().pipeBufferLength(pipeBufferLength)))
        {
            final Pusher pusher = small.pusher().durable(logContext("log-large-" + media)).sendTimeout(TIMEOUT);
            small.puller().durable("worker", dir.resolve("large-" + media))
                .handler(m -> lengths.computeIfAbsent(m.payload().length, k -> new AtomicInteger()).incrementAndGet())
                .connect(pusher.bind(endpoint(media)));
            for (int i = 0; i < 5; i++)
            {
                pusher.send(new byte[1 == i % 2 ? 10 : length]);
            }
            await(() -> 5 == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
        }
        assertEquals(3, lengths.get(length).get(), "large messages");
        assertEquals(2, lengths.get(10).get(), "small messages");
    }

    @ParameterizedTest
    @ValueSource(strings = { "udp", "ipc" })
    void shouldResumeFromTheReceiversCursorWhenThePusherRestarts(final String media)
    {
        final Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        final String endpoint = endpoint(media);
        final String log = "log-pusher-" + media;
        final Puller puller = node.puller().durable("worker", dir.resolve("pusher-" + media))
            .handler(counting(counts));
        try
        {
            for (int round = 0; round < 2; round++)
            {
                final Pusher pusher = node.pusher().durable(logContext(log)).sendTimeout(TIMEOUT);
                try
                {
                    pusher.bind(endpoint);
                    if (0 == round)
                    {
                        puller.connect(endpoint);
                    }
                    for (int i = 1; i <= 500; i++)
                    {
                        pusher.send(Integer.toString(round * 500 + i));
                    }
                    final long last = (round + 1) * 500L;
                    await(() -> last == pusher.acknowledgedSequence(), TIMEOUT, "round " + round + " acknowledged");
                }
                finally
                {
                    pusher.close();
                }
            }
        }
        finally
        {
            puller.close();
        }
        assertEachOnce(counts, 1_000);
    }
}
