package dev.petrel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.petrel.durability.DeadLetterDescriptor;
import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import dev.petrel.durability.LogReader;
import dev.petrel.test.Tests;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.DeliveryCounts.assertEachOnce;
import static dev.petrel.test.DeliveryCounts.counter;
import static dev.petrel.test.DeliveryCounts.counting;
import static dev.petrel.test.DeliveryCounts.firstSegmentSequence;
import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Durable push/pull between Petrel peers in one process: resuming after a puller or pusher restart, duplicates
 * dropped across a puller restart, redelivery after the timeout, dead letters, and retention that waits for acks.
 */
class DurablePushPullTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private DurableLog.Context logContext()
    {
        return new DurableLog.Context().logDir(dir.resolve("log")).fsyncPolicy(FsyncPolicy.NEVER);
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldProcessEveryMessageOnceWhenThePullerRestartsMidStream(final String transport)
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final int total = 600;
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = pusher.bind(Tests.bindEndpoint(transport));
            Puller puller = node.puller().durable("worker", dir.resolve("worker")).handler(counting(counts));
            puller.connect(endpoint);
            for (int i = 1; i <= total; i++)
            {
                pusher.send(Integer.toString(i));
                if (i == total / 3)
                {
                    await(() -> counts.size() >= total / 6, TIMEOUT, "a first share");
                    puller.close();
                    puller = node.puller().durable("worker", dir.resolve("worker")).handler(counting(counts));
                    puller.connect(endpoint);
                }
            }
            await(() -> total == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
            assertEachOnce(counts, total);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldDeliverMessagesLargerThanOnePipeRecord(final String transport)
    {
        final Map<Integer, AtomicInteger> lengths = new ConcurrentHashMap<>();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final int length = 3 * node.context().pipeBufferLength() / 8 + 11;
            final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
            node.puller().durable("worker", dir.resolve("worker"))
                .handler(m -> lengths.computeIfAbsent(m.payload().length, k -> new AtomicInteger()).incrementAndGet())
                .connect(pusher.bind(Tests.bindEndpoint(transport)));
            for (int i = 0; i < 5; i++)
            {
                pusher.send(new byte[1 == i % 2 ? 10 : length]);
            }
            await(() -> 5 == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
            assertEquals(3, lengths.get(length).get(), "large messages");
            assertEquals(2, lengths.get(10).get(), "small messages");
        }
    }

    /**
     * An encoded tail of eight small slots: most records, and every one larger than a slot, come from the log,
     * between runs of records the tail holds.
     */
    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldDeliverEveryMessageOnceInOrderWhenTheEncodedTailOverflows(final String transport)
    {
        final List<Integer> order = new CopyOnWriteArrayList<>();
        final int total = 3000;
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext(), 8, 64).sendTimeout(TIMEOUT);
            node.puller().durable("worker", dir.resolve("worker"))
                .handler(m -> order.add(Integer.parseInt(m.payloadAsString().split(":")[0])))
                .connect(pusher.bind(Tests.bindEndpoint(transport)));
            for (int i = 1; i <= total; i++)
            {
                pusher.send(0 == i % 100 ? i + ":" + "x".repeat(200) : Integer.toString(i));
            }
            await(() -> total == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
            assertEquals(IntStream.rangeClosed(1, total).boxed().collect(Collectors.toList()), order);
        }
    }

    /**
     * Far more messages than the window holds, so the pusher sends runs of records straight from the encoded tail
     * into the connection and tells the puller the window's base again and again along the way: none may be lost,
     * reordered, refused as beyond the puller's window or delivered twice.
     */
    @Test
    void shouldDeliverALongStreamOnceInOrderWithNothingRedeliveredOrDropped()
    {
        final int total = 20 * InFlightWindow.CAPACITY;
        final AtomicLong expected = new AtomicLong(1);
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong redelivered = new AtomicLong();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
            final Puller puller = node.puller().durable("worker", dir.resolve("worker"))
                .handler(m ->
                {
                    redelivered.addAndGet(m.redelivered() ? 1 : 0);
                    final long value = new UnsafeBuffer(m.payload()).getLong(0);
                    if (!expected.compareAndSet(value, value + 1))
                    {
                        outOfOrder.incrementAndGet();
                    }
                });
            puller.connect(pusher.bind("tcp://127.0.0.1:0"));
            final UnsafeBuffer payload = new UnsafeBuffer(new byte[Long.BYTES]);
            for (long i = 1; i <= total; i++)
            {
                payload.putLong(0, i);
                pusher.send(payload, 0, Long.BYTES);
            }
            await(() -> total == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
            assertEquals(total + 1, expected.get(), "next expected message");
            assertEquals(0, outOfOrder.get(), "messages out of order");
            assertEquals(0, redelivered.get(), "messages redelivered");
            assertEquals(0, puller.stats().dropped(), "messages the puller dropped");
        }
    }

    @Test
    void shouldResumeFromTheAcknowledgedSequenceAfterThePusherRestarts()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final String endpoint = "tcp://127.0.0.1:" + Tests.freePort();
        try (Node pullerNode = Node.create(Tests.fastContext()))
        {
            pullerNode.puller().durable("worker", dir.resolve("worker")).handler(counting(counts)).connect(endpoint);
            for (int round = 0; round < 2; round++)
            {
                try (Node node = Node.create(Tests.fastContext()))
                {
                    final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
                    pusher.bind(endpoint);
                    for (int i = 1; i <= 100; i++)
                    {
                        pusher.send(Integer.toString(round * 100 + i));
                    }
                    final long last = (round + 1) * 100L;
                    await(() -> last == pusher.acknowledgedSequence(), TIMEOUT, "round " + round + " acknowledged");
                }
            }
        }
        assertEachOnce(counts, 200);
    }

    @Test
    void shouldBlockAtItsOwnHighWaterMarkOrElseAtNoLessThanTwiceTheWindow()
    {
        final int backlog = 2 * InFlightWindow.CAPACITY;
        final byte[] payload = new byte[8];
        try (Node node = Node.create(Tests.fastContext().sendHighWaterMark(100)))
        {
            final Pusher defaulted = node.pusher().durable(logContext()).sendTimeout(Duration.ofMillis(200));
            defaulted.bind("tcp://127.0.0.1:0");
            for (int i = 0; i < backlog; i++)
            {
                defaulted.send(payload);
            }

            final Pusher own = node.pusher().sendHighWaterMark(100)
                .durable(new DurableLog.Context().logDir(dir.resolve("own")).fsyncPolicy(FsyncPolicy.NEVER))
                .sendTimeout(Duration.ofMillis(200));
            own.bind("tcp://127.0.0.1:0");
            final BackPressureException ex = assertThrows(BackPressureException.class, () ->
            {
                for (int i = 0; i < backlog; i++)
                {
                    own.send(payload);
                }
            });
            assertTrue(ex.getMessage().contains("high-water mark 100"), ex.getMessage());
        }
    }

    @Test
    void shouldDeliverWhatWasAppendedBeforeAnyPullerAttachedWhenThePusherRestarts()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final String endpoint = "tcp://127.0.0.1:" + Tests.freePort();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
            pusher.bind(endpoint);
            for (int i = 1; i <= 20; i++)
            {
                pusher.send(Integer.toString(i));
            }
        }
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
            pusher.bind(endpoint);
            assertEquals(0, pusher.acknowledgedSequence(), "nothing acknowledged before a puller attached");
            node.puller().durable("worker", dir.resolve("worker")).handler(counting(counts)).connect(endpoint);
            await(() -> 20 == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
        }
        assertEachOnce(counts, 20);
    }

    @Test
    void shouldDropWhatARestartedPullerAlreadyProcessedWhenThePusherReplaysIt() throws IOException
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final String endpoint = "tcp://127.0.0.1:" + Tests.freePort();
        for (int round = 0; round < 2; round++)
        {
            try (Node node = Node.create(Tests.fastContext()))
            {
                final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
                pusher.bind(endpoint);
                node.puller().durable("worker", dir.resolve("worker")).handler(counting(counts)).connect(endpoint);
                if (0 == round)
                {
                    for (int i = 1; i <= 50; i++)
                    {
                        pusher.send(Integer.toString(i));
                    }
                }
                await(() -> 50 == pusher.acknowledgedSequence(), TIMEOUT, "round " + round + " acknowledged");
            }
            // Forgetting every acknowledgement makes the restarted pusher replay the whole log.
            Files.delete(dir.resolve("log").resolve("cursors.dat"));
        }
        assertEachOnce(counts, 50);
    }

    @Test
    void shouldDropAReplayedStreamLongerThanTheWindowAfterBatchedAcknowledgements() throws IOException
    {
        final int total = 3 * InFlightWindow.CAPACITY + DurableReceiver.ACK_BATCH + 17;
        final Map<Integer, AtomicInteger> counts = counter();
        final String endpoint = "tcp://127.0.0.1:" + Tests.freePort();
        for (int round = 0; round < 2; round++)
        {
            try (Node node = Node.create(Tests.fastContext()))
            {
                final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
                pusher.bind(endpoint);
                node.puller().durable("worker", dir.resolve("worker")).handler(counting(counts)).connect(endpoint);
                for (int i = 1; 0 == round && i <= total; i++)
                {
                    pusher.send(Integer.toString(i));
                }
                await(() -> total == pusher.acknowledgedSequence(), TIMEOUT, "round " + round + " acknowledged");
            }
            Files.delete(dir.resolve("log").resolve("cursors.dat"));
        }
        assertEachOnce(counts, total);
    }

    @Test
    void shouldRedeliverAMessageWhoseHandlerFailed()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        final AtomicInteger failures = new AtomicInteger();
        final List<String> deliveries = new CopyOnWriteArrayList<>();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).redeliveryTimeout(Duration.ofMillis(100));
            final String endpoint = pusher.bind("tcp://127.0.0.1:0");
            final MessageHandler counting = counting(counts);
            node.puller().durable("worker", dir.resolve("worker")).handler(m ->
            {
                deliveries.add(m.payloadAsString() + ":" + m.redelivered());
                if ("2".equals(m.payloadAsString()) && failures.getAndIncrement() < 2)
                {
                    throw new IllegalStateException("not yet");
                }
                counting.onMessage(m);
            }).connect(endpoint);
            for (int i = 1; i <= 3; i++)
            {
                pusher.send(Integer.toString(i));
            }
            await(() -> 3 == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
            assertEquals(3, failures.get());
            assertEachOnce(counts, 3);
        }
        assertEquals(List.of("1:false", "2:false", "2:true", "2:true", "3:false"),
            deliveries.stream().sorted().toList());
    }

    @Test
    void shouldHandOverAsRedeliveredWhatAPullerHandedOverAndNeverRecordedAsProcessed()
    {
        final List<String> deliveries = new CopyOnWriteArrayList<>();
        final MessageHandler recording = m -> deliveries.add(m.payloadAsString() + ":" + m.redelivered());
        final Path state = dir.resolve("worker");
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = pusher.bind("tcp://127.0.0.1:0");
            final Puller first = node.puller().durable("worker", state).handler(recording);
            first.connect(endpoint);
            pusher.send("1");
            await(() -> 1 == pusher.acknowledgedSequence(), TIMEOUT, "the first message acknowledged");
            first.close();
            // What a puller killed while its handler ran on message 2 leaves: handed over, not recorded as processed.
            try (DedupJournal journal = new DedupJournal(state))
            {
                final JournalBatch handed = new JournalBatch(JournalBatch.HANDED);
                handed.add(ProducerIdFile.loadOrCreate(dir.resolve("log")), 2, 1);
                journal.record(handed);
            }
            node.puller().durable("worker", state).handler(recording).connect(endpoint);
            pusher.send("2");
            pusher.send("3");
            await(() -> 3 == pusher.acknowledgedSequence(), TIMEOUT, "every message acknowledged");
        }
        assertEquals(List.of("1:false", "2:true", "3:false"), deliveries);
    }

    @Test
    void shouldNotLetTheAcknowledgementOfALaterMessageCoverOneTheApplicationStillHolds()
    {
        final List<String> deliveries = new CopyOnWriteArrayList<>();
        final Path state = dir.resolve("worker");
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).sendTimeout(TIMEOUT);
            final String endpoint = pusher.bind("tcp://127.0.0.1:0");
            final Puller holding = node.puller().durable("worker", state);
            holding.connect(endpoint);
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");
            pusher.send("1");
            pusher.send("2");
            assertEquals("1", holding.receive(TIMEOUT).payloadAsString());
            holding.ack(holding.receive(TIMEOUT));
            holding.close();
            node.puller().durable("worker", state).handler(m -> deliveries.add(m.payloadAsString() + ":" +
                m.redelivered())).connect(endpoint);
            await(() -> 2 == pusher.acknowledgedSequence(), TIMEOUT, "both acknowledged");
        }
        assertTrue(deliveries.contains("1:true"), "the held message is delivered again: " + deliveries);
    }

    @Test
    void shouldRedeliverWhatAPullerHoldsUnacknowledgedToAnother()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext()).redeliveryTimeout(Duration.ofMillis(100));
            final String endpoint = pusher.bind("tcp://127.0.0.1:0");
            final Puller silent = node.puller().durable("silent", dir.resolve("silent"));
            silent.connect(endpoint);
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the silent puller");
            pusher.send("1");
            assertNotNull(silent.receive(TIMEOUT));
            node.puller().durable("worker", dir.resolve("worker")).handler(counting(counts)).connect(endpoint);
            await(() -> 1 == pusher.acknowledgedSequence(), TIMEOUT, "the message acknowledged by the other puller");
            assertEachOnce(counts, 1);
        }
    }

    @Test
    void shouldMoveAMessageToTheDeadLetterLogAfterMaxDeliveries()
    {
        final Map<Integer, AtomicInteger> counts = counter();
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext())
                .redeliveryTimeout(Duration.ofMillis(50)).maxDeliveries(3);
            final String endpoint = pusher.bind("tcp://127.0.0.1:0");
            final MessageHandler counting = counting(counts);
            node.puller().durable("worker", dir.resolve("worker")).handler(m ->
            {
                if ("2".equals(m.payloadAsString()))
                {
                    throw new IllegalStateException("poison");
                }
                counting.onMessage(m);
            }).connect(endpoint);
            for (int i = 1; i <= 3; i++)
            {
                pusher.send(Integer.toString(i));
            }
            await(() -> 3 == pusher.acknowledgedSequence(), TIMEOUT, "every message settled");
        }
        assertEquals(List.of(1, 3), new ArrayList<>(new java.util.TreeSet<>(counts.keySet())));
        try (DurableLog deadLetters = DurableLog.open(new DurableLog.Context().logDir(dir.resolve("log/dead-letter")));
            LogReader reader = deadLetters.reader(1))
        {
            final List<String> found = new ArrayList<>();
            reader.poll((buffer, offset, length, sequence, timestampNs) -> found.add(
                DeadLetterDescriptor.originalSequence(buffer, offset) + ":" + buffer.getStringWithoutLengthUtf8(
                DeadLetterDescriptor.originalPayloadOffset(buffer, offset),
                offset + length - DeadLetterDescriptor.originalPayloadOffset(buffer, offset))), 10);
            assertEquals(List.of("2:2"), found);
        }
    }

    @Test
    void shouldFreeSegmentsOnlyOnceEveryMessageInThemIsAcknowledged() throws IOException
    {
        final byte[] payload = new byte[1000];
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(logContext().segmentLength(4096).maxPayloadLength(2048))
                .sendTimeout(TIMEOUT);
            final String endpoint = pusher.bind("tcp://127.0.0.1:0");
            final Puller puller = node.puller().durable("worker", dir.resolve("worker"));
            puller.connect(endpoint);
            await(() -> 1 == pusher.peerCount(), TIMEOUT, "the puller");
            final List<Message> taken = new ArrayList<>();
            for (int i = 0; i < 20; i++)
            {
                pusher.send(payload);
                taken.add(puller.receive(TIMEOUT));
            }
            assertEquals(1, firstSegmentSequence(dir.resolve("log")), "segments kept while nothing is acknowledged");
            taken.subList(0, 10).forEach(puller::ack);
            await(() -> 10 == pusher.acknowledgedSequence(), TIMEOUT, "ten acknowledged");
            for (int i = 0; i < 4; i++)
            {
                pusher.send(payload);
            }
            final long first = firstSegmentSequence(dir.resolve("log"));
            assertTrue(first > 1 && first <= 11, "first segment kept starts at " + first);
        }
    }
}
