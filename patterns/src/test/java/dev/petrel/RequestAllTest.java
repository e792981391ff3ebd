package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.test.Tests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Scatter-gather with {@link Requester#requestAll}: one request to every connected replier, replies collected up
 * to a count or a deadline.
 */
class RequestAllTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] QUESTION = "who".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldCollectOneReplyFromEachOfThreeRepliers(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Requester requester = withRepliers(node, transport, "a", "b", "c");

            final long start = System.nanoTime();
            final List<Message> replies = requester.requestAll("census", QUESTION, TIMEOUT, 10)
                .get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);

            assertEquals(Set.of("a:who", "b:who", "c:who"), payloads(replies));
            assertTrue(System.nanoTime() - start < TIMEOUT.toNanos(), "waited for the deadline with every reply in");
            assertEquals(0, requester.inFlight());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldStopAtMaxRepliesAndCountTheRestAsLate(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Requester requester = withRepliers(node, transport, "a", "b", "c");

            final long start = System.nanoTime();
            final List<Message> replies = requester.requestAll("census", QUESTION, TIMEOUT, 2)
                .get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);

            assertEquals(2, replies.size());
            assertTrue(System.nanoTime() - start < TIMEOUT.toNanos(), "waited for the deadline after two replies");
            await(() -> 1 == requester.lateReplies(), TIMEOUT, "the third reply to be counted as late");
            assertEquals(0, requester.inFlight());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldCompleteAtTheDeadlineWithWhatArrivedWhenOneReplierIsSilent(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Requester requester = withRepliers(node, transport, "a", "b");
            final AtomicInteger silentTook = new AtomicInteger();
            final Replier silent = node.replier().handleAsync(">", (request, channel) -> silentTook.incrementAndGet());
            requester.connect(silent.bind(Tests.bindEndpoint(transport)));
            await(() -> 3 == requester.peerCount(), TIMEOUT, "three repliers");

            final Duration deadline = Duration.ofMillis(300);
            final long start = System.nanoTime();
            final List<Message> replies = requester.requestAll("census", QUESTION, deadline, 3)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(Set.of("a:who", "b:who"), payloads(replies));
            assertEquals(1, silentTook.get());
            assertTrue(elapsedMs >= deadline.toMillis() - 5 && elapsedMs < deadline.toMillis() + 250,
                "completed after " + elapsedMs + " ms");
            assertEquals(0, requester.inFlight());
        }
    }

    private static Requester withRepliers(final Node node, final String transport, final String... names)
    {
        final Requester requester = node.requester();
        for (final String name : names)
        {
            final Replier replier = node.replier()
                .handle(">", request -> Message.of("", name + ":" + request.payloadAsString()));
            requester.connect(replier.bind(Tests.bindEndpoint(transport)));
        }
        await(() -> names.length == requester.peerCount(), TIMEOUT, names.length + " repliers");
        return requester;
    }

    private static Set<String> payloads(final List<Message> replies)
    {
        final Set<String> payloads = new TreeSet<>();
        for (final Message reply : replies)
        {
            payloads.add(reply.payloadAsString());
        }
        assertEquals(replies.size(), payloads.size(), "duplicate replies: " + replies);
        return payloads;
    }
}
