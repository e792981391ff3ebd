package dev.petrel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.test.Tests;
import io.aeron.Aeron;
import io.aeron.AeronCounters;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.protocol.DataHeaderFlyweight;
import org.agrona.BitUtil;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A publisher bound to a multi-destination Aeron endpoint (dynamic control) with several subscribers connected to
 * it over UDP on 127.0.0.1. The nodes share one media driver so the test can read the driver's counters and see
 * that each message is sent once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AeronMultiDestinationTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger STREAM_IDS = new AtomicInteger(7000);

    private Path directory;
    private MediaDriver driver;
    private Aeron observer;
    private Node publisherNode;
    private Node subscriberNode;

    @BeforeAll
    void startDriverAndNodes() throws IOException
    {
        directory = Files.createTempDirectory("petrel-mdc");
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(directory.resolve("driver").toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        observer = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        publisherNode = Node.create(Tests.fastContext().aeronDirectory(driver.aeronDirectoryName()));
        subscriberNode = Node.create(Tests.fastContext().aeronDirectory(driver.aeronDirectoryName()));
    }

    @AfterAll
    void closeAll()
    {
        CloseHelper.closeAll(subscriberNode, publisherNode, observer, driver);
        IoUtil.delete(directory.toFile(), true);
    }

    @Test
    void shouldDeliverEveryMatchingMessageToEachSubscriberAndFilterTheRestAtTheReceiver()
    {
        final int streamId = STREAM_IDS.incrementAndGet();
        try (Publisher publisher = publisherNode.publisher();
            Subscriber first = subscriberNode.subscriber();
            Subscriber second = subscriberNode.subscriber();
            Subscriber wide = subscriberNode.subscriber())
        {
            final String endpoint = publisher.bind(fanOutEndpoint(streamId));
            first.connect(endpoint);
            second.connect("aeron:udp?endpoint=127.0.0.1:" + Tests.freePort() + "|control=" +
                controlAddress(endpoint) + "|stream-id=" + streamId);
            wide.connect(endpoint.replace("|control-mode=dynamic", ""));
            first.subscribe("prices.*.eu");
            second.subscribe("prices.*.eu");
            wide.subscribe("prices.>");
            assertTrue(publisher.awaitSubscribers(3, TIMEOUT), "three subscribers on the channel");
            assertEquals(1, publisher.peerCount(), "one fan-out pipe, not one per subscriber");

            final int count = 20;
            for (int i = 0; i < count; i++)
            {
                assertEquals(3, publisher.publish("prices.fx.eu", "eu-" + i));
                publisher.publish("prices.fx.us", "us-" + i);
                publisher.publish("news.fx.eu", "news-" + i);
            }
            publisher.publish("prices.end.eu", "end");

            final List<String> expectedEu = new ArrayList<>();
            final List<String> expectedAll = new ArrayList<>();
            for (int i = 0; i < count; i++)
            {
                expectedEu.add("eu-" + i);
                expectedAll.add("eu-" + i);
                expectedAll.add("us-" + i);
            }
            assertEquals(expectedEu, receiveUntilEnd(first));
            assertEquals(expectedEu, receiveUntilEnd(second));
            assertEquals(expectedAll, receiveUntilEnd(wide));
        }
    }

    @Test
    void shouldKeepDeliveringToTheOthersWhenASubscriberLeaves()
    {
        final int streamId = STREAM_IDS.incrementAndGet();
        try (Publisher publisher = publisherNode.publisher();
            Subscriber staying = subscriberNode.subscriber();
            Subscriber alsoStaying = subscriberNode.subscriber())
        {
            final String endpoint = publisher.bind(fanOutEndpoint(streamId));
            final Queue<String> stayingGot = subscribe(staying, endpoint);
            final Queue<String> alsoStayingGot = subscribe(alsoStaying, endpoint);
            try (Subscriber leaving = subscriberNode.subscriber())
            {
                final Queue<String> leavingGot = subscribe(leaving, endpoint);
                assertTrue(publisher.awaitSubscribers(3, TIMEOUT), "three subscribers on the channel");
                publisher.publish("t.before", "before");
                await(() -> 1 == stayingGot.size() && 1 == alsoStayingGot.size() && 1 == leavingGot.size(),
                    TIMEOUT, "the first message at all three");
            }

            for (int i = 0; i < 10; i++)
            {
                publisher.publish("t.after", "after-" + i);
            }
            await(() -> 11 == stayingGot.size() && 11 == alsoStayingGot.size(), TIMEOUT,
                "every later message at the two that stayed");
            await(() -> 2 == publisher.subscriberCount(), TIMEOUT, "the driver to stop counting the one that left");
        }
    }

    @Test
    void shouldSendEachMessageOnceWhateverTheNumberOfSubscribers()
    {
        final int streamId = STREAM_IDS.incrementAndGet();
        try (Publisher publisher = publisherNode.publisher();
            Subscriber first = subscriberNode.subscriber();
            Subscriber second = subscriberNode.subscriber();
            Subscriber third = subscriberNode.subscriber())
        {
            final String endpoint = publisher.bind(fanOutEndpoint(streamId));
            final List<Queue<String>> received = List.of(
                subscribe(first, endpoint), subscribe(second, endpoint), subscribe(third, endpoint));
            assertTrue(publisher.awaitSubscribers(3, TIMEOUT), "three subscribers on the channel");
            publisher.publish("t.x", new byte[100]);
            await(() -> received.stream().allMatch(q -> 1 == q.size()), TIMEOUT, "the first message everywhere");

            final int senderPositionId = onlySenderPositionCounter(streamId);
            final long before = observer.countersReader().getCounterValue(senderPositionId);
            final int count = 50;
            for (int i = 0; i < count; i++)
            {
                publisher.publish("t.x", new byte[100]);
            }
            await(() -> received.stream().allMatch(q -> 1 + count == q.size()), TIMEOUT, "every message everywhere");

            // subject frame 2 + 3, envelope frame 2 + 10 (version, flags, timestamp), payload frame 2 + 100
            final int encodedLength = 5 + 12 + 102;
            final int framedLength =
                BitUtil.align(DataHeaderFlyweight.HEADER_LENGTH + encodedLength, FrameDescriptor.FRAME_ALIGNMENT);
            await(() -> before + (long)count * framedLength ==
                observer.countersReader().getCounterValue(senderPositionId), TIMEOUT, "the sender position");
            assertEquals(senderPositionId, onlySenderPositionCounter(streamId), "still one publication");
        }
    }

    @Test
    void shouldRefuseMultiDestinationEndpointsExceptForAPublisherBindingAndSubscribersConnecting()
    {
        final String dynamic = "aeron:udp?control=127.0.0.1:" + Tests.freePort() + "|control-mode=dynamic";
        final String control = "aeron:udp?control=127.0.0.1:" + Tests.freePort();
        try (Pusher pusher = publisherNode.pusher();
            Subscriber subscriber = subscriberNode.subscriber();
            Publisher publisher = publisherNode.publisher())
        {
            assertRefused(() -> pusher.bind(dynamic));
            assertRefused(() -> subscriber.bind(dynamic));
            assertRefused(() -> publisher.connect(control));
            assertRefused(() -> subscriber.connect(control + "|control-mode=manual"));
            assertRefused(() -> publisher.bind("aeron:udp?control-mode=manual"));
        }
    }

    private static void assertRefused(final Runnable action)
    {
        final PetrelException ex = assertThrows(PetrelException.class, action::run);
        assertTrue(ex.getMessage().startsWith("multi-destination Aeron endpoints"), ex.getMessage());
        assertFalse(ex.getMessage().contains("\n"), ex.getMessage());
    }

    private static String fanOutEndpoint(final int streamId)
    {
        return "aeron:udp?control=127.0.0.1:0|control-mode=dynamic|stream-id=" + streamId;
    }

    private static String controlAddress(final String endpoint)
    {
        final int start = endpoint.indexOf("control=") + "control=".length();
        final int end = endpoint.indexOf('|', start);
        return -1 == end ? endpoint.substring(start) : endpoint.substring(start, end);
    }

    private static Queue<String> subscribe(final Subscriber subscriber, final String endpoint)
    {
        final Queue<String> received = new ConcurrentLinkedQueue<>();
        subscriber.connect(endpoint.replace("|control-mode=dynamic", ""));
        subscriber.subscribe("t.>", message -> received.add(message.subject()));
        return received;
    }

    private static List<String> receiveUntilEnd(final Subscriber subscriber)
    {
        final List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 1_000; i++)
        {
            final Message message = subscriber.receive(TIMEOUT);
            assertNotNull(message, "a message within " + TIMEOUT);
            if ("end".equals(message.payloadAsString()))
            {
                return payloads;
            }
            payloads.add(message.payloadAsString());
        }
        return fail("no end marker among 1000 messages");
    }

    private int onlySenderPositionCounter(final int streamId)
    {
        final List<Integer> found = new ArrayList<>();
        observer.countersReader().forEach((counterId, typeId, key, label) ->
        {
            if (AeronCounters.DRIVER_SENDER_POSITION_TYPE_ID == typeId && streamId == key.getInt(12))
            {
                found.add(counterId);
            }
        });
        assertEquals(1, found.size(), "sender positions for stream " + streamId);
        return found.get(0);
    }
}
