package dev.petrel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

            // subject frame 2 + 3, envelope frame 2 + 10 (version, flags, timestamp), payload frame 2 + 100; a
            // message has an Aeron frame of its own, or shares one with those queued beside it
            final int encodedLength = 5 + 12 + 102;
            final int framedLength =
                BitUtil.align(DataHeaderFlyweight.HEADER_LENGTH + encodedLength, FrameDescriptor.FRAME_ALIGNMENT);
            final long sentOnce = (long)count * encodedLength;
            await(() -> observer.countersReader().getCounterValue(senderPositionId) - before >= sentOnce, TIMEOUT,
                "the sender position");
            final long advanced = observer.countersReader().getCounterValue(senderPositionId) - before;
            assertTrue(advanced <= (long)count * framedLength, advanced + " bytes sent: more than once each");
            assertEquals(senderPositionId, onlySenderPositionCounter(streamId), "still one publication");
        }
    }

    @Test
    void shouldShareWorkAcrossPullersThatConnectToAPusherBoundToAMultiDestinationEndpoint()
    {
        final String dynamic = "aeron:udp?control=127.0.0.1:0|control-mode=dynamic";
        final AtomicInteger first = new AtomicInteger();
        final AtomicInteger second = new AtomicInteger();
        try (Pusher pusher = publisherNode.pusher();
            Puller one = subscriberNode.puller().handler(m -> first.incrementAndGet());
            Puller two = subscriberNode.puller().handler(m -> second.incrementAndGet()))
        {
            final String endpoint = pusher.bind(dynamic);
            assertTrue(endpoint.contains("control=127.0.0.1:") && !endpoint.contains(":0|"), endpoint);
            final String control = endpoint.replace("|control-mode=dynamic", "");
            one.connect(control);
            two.connect(endpoint);
            await(() -> 2 == pusher.peerCount(), TIMEOUT, "two pullers");

            final int total = 1000;
            for (int i = 0; i < total; i++)
            {
                pusher.send("job-" + i);
            }
            await(() -> total == first.get() + second.get(), TIMEOUT, "every job, once");
            assertTrue(first.get() > total / 4 && second.get() > total / 4, first.get() + " / " + second.get());
        }
    }

    @Test
    void shouldAnswerRequestsAndLetPublishersReachABindingSubscriberOverMultiDestinationEndpoints()
    {
        try (Replier replier = publisherNode.replier();
            Requester requester = subscriberNode.requester();
            Subscriber subscriber = publisherNode.subscriber();
            Publisher publisher = subscriberNode.publisher())
        {
            replier.handle("echo.>", request -> Message.of("", "re:" + request.payloadAsString()));
            requester.connect(replier.bind("aeron:udp?control=127.0.0.1:0|control-mode=dynamic"));
            await(() -> 1 == requester.peerCount(), TIMEOUT, "the replier");
            assertEquals("re:ping", requester.request("echo.x", "ping".getBytes(StandardCharsets.UTF_8), TIMEOUT)
                .join().payloadAsString());

            final Queue<String> received = new ConcurrentLinkedQueue<>();
            subscriber.subscribe("t.>", message -> received.add(message.payloadAsString()));
            publisher.connect(subscriber.bind("aeron:udp?control=127.0.0.1:0|control-mode=dynamic"));
            assertTrue(publisher.awaitSubscribers(1, TIMEOUT), "the binding subscriber");
            await(() -> 1 == publisher.publish("t.x", "hello"), TIMEOUT, "the subscription at the publisher");
            await(() -> received.contains("hello"), TIMEOUT, "the message at the binding subscriber");
        }
    }

    @Test
    void shouldGiveEachBindToPortZeroAPortOfItsOwnAndRefuseBindingOneAddressTwice()
    {
        final String fixed = "aeron:udp?control=127.0.0.1:" + Tests.freePort() + "|control-mode=dynamic";
        try (Pusher first = publisherNode.pusher();
            Pusher second = publisherNode.pusher();
            Replier third = publisherNode.replier();
            Replier fourth = publisherNode.replier();
            Publisher fifth = publisherNode.publisher();
            Publisher sixth = publisherNode.publisher())
        {
            final String dynamic = "aeron:udp?control=127.0.0.1:0|control-mode=dynamic";
            assertNotEquals(first.bind(dynamic), second.bind(dynamic));
            final String unicast = "aeron:udp?endpoint=127.0.0.1:0";
            assertNotEquals(third.bind(unicast), fourth.bind(unicast));
            assertNotEquals(fifth.bind(dynamic), sixth.bind(dynamic));

            final Pusher holder = publisherNode.pusher();
            final String bound = holder.bind(fixed);
            final PetrelException ex = assertThrows(PetrelException.class, () -> second.bind(fixed));
            assertTrue(ex.getMessage().contains("already bound"), ex.getMessage());
            holder.close();
            assertEquals(bound, second.bind(fixed));
        }
    }

    @Test
    void shouldRefuseManualControlAndABindingEndpointWithoutDynamicControl()
    {
        final String control = "aeron:udp?control=127.0.0.1:" + Tests.freePort();
        try (Pusher pusher = publisherNode.pusher();
            Subscriber subscriber = subscriberNode.subscriber();
            Publisher publisher = publisherNode.publisher())
        {
            assertRefused(() -> pusher.bind(control));
            assertRefused(() -> publisher.bind(control));
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
