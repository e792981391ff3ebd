package dev.petrel;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.test.Tests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Pipelined request/reply under load: one requester, three repliers, a window of 64 requests in flight. Every
 * reply must reach the future of its own request, and the repliers must share the work evenly.
 */
class RequestReplyLoadTest
{
    private static final int REQUESTS = 10_000;
    private static final int WINDOW = 64;
    private static final int REPLIERS = 3;
    private static final Duration LOAD_DEADLINE = Duration.ofSeconds(12);

    @ParameterizedTest
    @CsvSource({ "tcp,ROUND_ROBIN", "inproc,ROUND_ROBIN", "tcp,LEAST_OUTSTANDING", "inproc,LEAST_OUTSTANDING" })
    void shouldMatchEveryReplyToItsRequestAndBalanceThreeRepliers(
        final String transport, final LoadBalancing loadBalancing) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext().sendTimeout(Duration.ofSeconds(5))))
        {
            final AtomicInteger[] handled = new AtomicInteger[REPLIERS];
            final Requester requester = node.requester().maxInFlight(WINDOW).loadBalancing(loadBalancing);
            for (int r = 0; r < REPLIERS; r++)
            {
                final AtomicInteger count = new AtomicInteger();
                handled[r] = count;
                final byte replierTag = (byte)r;
                final Replier replier = node.replier().handle("load.>", request ->
                {
                    count.incrementAndGet();
                    return Message.of("", echoWithTag(request.payload(), replierTag));
                });
                requester.connect(replier.bind(Tests.bindEndpoint(transport)));
            }
            await(() -> REPLIERS == requester.peerCount(), Duration.ofSeconds(5), "three repliers");

            final List<CompletableFuture<Message>> futures = sendAll(requester);
            final int[] answeredBy = new int[REPLIERS];
            for (int i = 0; i < REQUESTS; i++)
            {
                final ByteBuffer reply = ByteBuffer.wrap(futures.get(i).get(5, TimeUnit.SECONDS).payload());
                assertEquals(5, reply.remaining(), "reply size for request " + i);
                assertEquals(i, reply.getInt(), "reply to request " + i);
                answeredBy[reply.get()]++;
            }

            int total = 0;
            for (int r = 0; r < REPLIERS; r++)
            {
                assertEquals(handled[r].get(), answeredBy[r], "replies tagged by replier " + r);
                total += handled[r].get();
                final int fairShare = REQUESTS / REPLIERS;
                assertTrue(Math.abs(handled[r].get() - fairShare) <= fairShare / 4,
                    "replier " + r + " handled " + handled[r].get() + " of " + REQUESTS);
            }
            assertEquals(REQUESTS, total);
            assertEquals(0, requester.inFlight());
            assertEquals(0, requester.lateReplies());
            assertEquals(0, requester.stats().dropped());
        }
    }

    private static List<CompletableFuture<Message>> sendAll(final Requester requester)
    {
        final List<CompletableFuture<Message>> futures = new ArrayList<>(REQUESTS);
        final long deadline = System.nanoTime() + LOAD_DEADLINE.toNanos();
        for (int i = 0; i < REQUESTS; i++)
        {
            assertTrue(System.nanoTime() - deadline < 0, "sent only " + i + " requests in " + LOAD_DEADLINE);
            final byte[] payload = ByteBuffer.allocate(4).putInt(i).array();
            futures.add(requester.request("load.item", payload, Duration.ofSeconds(5)));
        }
        return futures;
    }

    private static byte[] echoWithTag(final byte[] payload, final byte tag)
    {
        return ByteBuffer.allocate(payload.length + 1).put(payload).put(tag).array();
    }
}
