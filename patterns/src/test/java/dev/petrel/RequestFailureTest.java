package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.test.Tests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * How a request ends when it does not get a normal reply: timeouts, late replies, no repliers, a replier that dies
 * with requests in flight, handler errors and back pressure from the in-flight bound.
 */
class RequestFailureTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldTimeOutWithinTheRequestTimeoutWhenTheHandlerNeverReplies(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final AtomicInteger taken = new AtomicInteger();
            final Replier replier = node.replier().handleAsync("slow", (request, channel) -> taken.incrementAndGet());
            final Requester requester = connected(node, replier.bind(Tests.bindEndpoint(transport)));

            final long start = System.nanoTime();
            final CompletableFuture<Message> reply = requester.request("slow", bytes("x"), SHORT_TIMEOUT);
            final Throwable failure = failureOf(reply);
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertInstanceOf(RequestTimeoutException.class, failure);
            assertEquals(1, taken.get());
            assertTrue(elapsedMs >= SHORT_TIMEOUT.toMillis() - 5, "failed early, after " + elapsedMs + " ms");
            assertTrue(elapsedMs < SHORT_TIMEOUT.toMillis() + 250, "failed late, after " + elapsedMs + " ms");
            assertEquals(0, requester.inFlight());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldDropAndCountAReplyThatArrivesAfterTheTimeout(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final List<ReplyChannel> held = new CopyOnWriteArrayList<>();
            final Replier replier = node.replier()
                .handleAsync("late", (request, channel) -> held.add(channel))
                .handle("echo", request -> Message.of("", request.payload()));
            final Requester requester = connected(node, replier.bind(Tests.bindEndpoint(transport)));

            final CompletableFuture<Message> reply = requester.request("late", bytes("x"), SHORT_TIMEOUT);
            assertInstanceOf(RequestTimeoutException.class, failureOf(reply));
            assertEquals(0, requester.lateReplies());

            final Thread lateReplier = new Thread(() -> held.get(0).reply(bytes("too late")), "late-replier");
            lateReplier.start();
            lateReplier.join(TIMEOUT.toMillis());
            await(() -> 1 == requester.lateReplies(), TIMEOUT, "the late reply to be counted");

            assertEquals("next", requester.requestSync("echo", bytes("next"), TIMEOUT).payloadAsString());
            assertEquals(1, requester.lateReplies());
        }
    }

    @Test
    void shouldFailFastWithNoRespondersWhenConnectedToNothing()
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            assertNoRespondersFast(node.requester());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 100, 2000 })
    void shouldFailFastWithNoRespondersWhenTheReplierPortIsDead(final int sendTimeoutMs)
    {
        try (Node node = Node.create(Tests.fastContext().sendTimeout(Duration.ofMillis(sendTimeoutMs))))
        {
            final Requester requester = node.requester();
            requester.connect("tcp://127.0.0.1:" + Tests.freePort());
            assertNoRespondersFast(requester);
        }
    }

    @Test
    void shouldFailInFlightRequestsFastWhenTheReplierNodeCloses() throws Exception
    {
        final Node replierNode = Node.create(Tests.fastContext());
        try (Node node = Node.create(Tests.fastContext()))
        {
            final AtomicInteger taken = new AtomicInteger();
            final Replier replier = replierNode.replier()
                .handleAsync(">", (request, channel) -> taken.incrementAndGet());
            final Requester requester = connected(node, replier.bind("tcp://127.0.0.1:0"));

            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++)
            {
                replies.add(requester.request("work", bytes("r" + i), Duration.ofSeconds(10)));
            }
            await(() -> 20 == taken.get(), TIMEOUT, "the replier to take every request");

            final long start = System.nanoTime();
            replierNode.close();
            for (final CompletableFuture<Message> reply : replies)
            {
                assertInstanceOf(ReplierDisconnectedException.class, failureOf(reply));
            }
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMs < 2000, "requests failed only after " + elapsedMs + " ms");
            assertEquals(0, requester.inFlight());
        }
        finally
        {
            replierNode.close();
        }
    }

    @Test
    void shouldResendIdempotentRequestsToTheOtherReplierWhenOneCloses() throws Exception
    {
        final Node doomedNode = Node.create(Tests.fastContext());
        try (Node node = Node.create(Tests.fastContext()))
        {
            final AtomicInteger doomedTook = new AtomicInteger();
            final Replier doomed = doomedNode.replier()
                .handleAsync(">", (request, channel) -> doomedTook.incrementAndGet());
            final AtomicInteger survivorHandled = new AtomicInteger();
            final Replier survivor = node.replier().handle(">", request ->
            {
                survivorHandled.incrementAndGet();
                return Message.of("", "re:" + request.payloadAsString());
            });
            final Requester requester = node.requester();
            requester.connect(doomed.bind("tcp://127.0.0.1:0"));
            requester.connect(survivor.bind("tcp://127.0.0.1:0"));
            await(() -> 2 == requester.peerCount(), TIMEOUT, "two repliers");

            final int count = 20;
            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++)
            {
                replies.add(requester.request(Message.of("work", "r" + i), Duration.ofSeconds(10), true));
            }
            await(() -> count == doomedTook.get() + survivorHandled.get(), TIMEOUT, "every request to be taken");
            assertTrue(doomedTook.get() > 0, "round robin sent nothing to the doomed replier");

            doomedNode.close();
            for (int i = 0; i < count; i++)
            {
                assertEquals("re:r" + i, payloadOf(replies.get(i)));
            }
            assertEquals(count, survivorHandled.get());
            assertEquals(0, requester.inFlight());
        }
        finally
        {
            doomedNode.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldTurnHandlerFailuresIntoRemoteHandlerExceptions(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Replier replier = node.replier()
                .handle("sync", request ->
                {
                    throw new IllegalStateException("sync failed for " + request.payloadAsString());
                })
                .handleAsync("async.throw", (request, channel) ->
                {
                    throw new IllegalArgumentException("async threw");
                })
                .handleAsync("async.fail", (request, channel) -> channel.fail("declined " + request.payloadAsString()));
            final Requester requester = connected(node, replier.bind(Tests.bindEndpoint(transport)));

            assertRemoteFailure("sync failed for a", requester.request("sync", bytes("a"), TIMEOUT));
            assertRemoteFailure("async threw", requester.request("async.throw", bytes("b"), TIMEOUT));
            assertRemoteFailure("declined c", requester.request("async.fail", bytes("c"), TIMEOUT));
            assertRemoteFailure("no handler for subject 'unknown'", requester.request("unknown", bytes("d"), TIMEOUT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldMatchAsyncRepliesSentFromAnotherThreadInReverseOrder(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final int count = 50;
            final List<Message> requests = new CopyOnWriteArrayList<>();
            final List<ReplyChannel> channels = new CopyOnWriteArrayList<>();
            final Replier replier = node.replier().handleAsync("rev", (request, channel) ->
            {
                requests.add(request);
                channels.add(channel);
            });
            final Requester requester = connected(node, replier.bind(Tests.bindEndpoint(transport)));

            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            final List<Integer> completionOrder = new CopyOnWriteArrayList<>();
            for (int i = 0; i < count; i++)
            {
                final int index = i;
                replies.add(requester.request("rev", bytes("q" + i), TIMEOUT)
                    .whenComplete((reply, failure) -> completionOrder.add(index)));
            }
            await(() -> count == channels.size(), TIMEOUT, "the replier to take every request");

            final Thread replying = new Thread(() ->
            {
                for (int i = count - 1; i >= 0; i--)
                {
                    channels.get(i).reply(bytes("a" + requests.get(i).payloadAsString().substring(1)));
                }
            }, "reverse-replier");
            replying.start();
            for (int i = 0; i < count; i++)
            {
                assertEquals("a" + i, payloadOf(replies.get(i)));
            }
            replying.join(TIMEOUT.toMillis());
            for (int i = 0; i < count; i++)
            {
                assertEquals(count - 1 - i, completionOrder.get(i), "completion " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldApplyBackPressureWhenTheInFlightBoundIsFull(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final List<ReplyChannel> held = new CopyOnWriteArrayList<>();
            final Replier replier = node.replier().handleAsync(">", (request, channel) -> held.add(channel));
            final Requester requester = node.requester().maxInFlight(2).sendTimeout(Duration.ofMillis(150));
            requester.connect(replier.bind(Tests.bindEndpoint(transport)));
            await(() -> 1 == requester.peerCount(), TIMEOUT, "the replier");

            final CompletableFuture<Message> first = requester.request("q", bytes("1"), TIMEOUT);
            final CompletableFuture<Message> second = requester.request("q", bytes("2"), TIMEOUT);
            final long start = System.nanoTime();
            final CompletableFuture<Message> third = requester.request("q", bytes("3"), TIMEOUT);
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertInstanceOf(BackPressureException.class, failureOf(third));
            assertTrue(elapsedMs >= 140 && elapsedMs < 1000, "back pressure after " + elapsedMs + " ms");
            assertEquals(2, requester.inFlight());

            await(() -> 2 == held.size(), TIMEOUT, "both requests at the replier");
            held.get(0).reply(bytes("done"));
            assertEquals("done", payloadOf(first));
            final CompletableFuture<Message> fourth = requester.request("q", bytes("4"), TIMEOUT);
            await(() -> 3 == held.size(), TIMEOUT, "the fourth request at the replier");
            held.get(1).reply(bytes("two"));
            held.get(2).reply(bytes("four"));
            assertEquals("two", payloadOf(second));
            assertEquals("four", payloadOf(fourth));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldFailInFlightRequestsWithSocketClosedWhenTheRequesterCloses(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final AtomicInteger taken = new AtomicInteger();
            final Replier replier = node.replier().handleAsync(">", (request, channel) -> taken.incrementAndGet());
            final Requester requester = connected(node, replier.bind(Tests.bindEndpoint(transport)));
            final CompletableFuture<Message> reply = requester.request("q", bytes("x"), TIMEOUT);
            await(() -> 1 == taken.get(), TIMEOUT, "the request at the replier");

            requester.close();

            assertInstanceOf(SocketClosedException.class, failureOf(reply));
            assertInstanceOf(SocketClosedException.class, failureOf(requester.request("q", bytes("y"), TIMEOUT)));
            assertEquals(0, requester.inFlight());
        }
    }

    private static Requester connected(final Node node, final String endpoint)
    {
        final Requester requester = node.requester();
        requester.connect(endpoint);
        await(() -> 1 == requester.peerCount(), TIMEOUT, "the replier to connect");
        return requester;
    }

    private static void assertNoRespondersFast(final Requester requester)
    {
        final long start = System.nanoTime();
        final CompletableFuture<Message> reply = requester.request("any", bytes("x"), Duration.ofSeconds(5));
        final Throwable failure = failureOf(reply);
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(NoRespondersException.class, failure);
        assertTrue(elapsedMs < 1000, "no-responders took " + elapsedMs + " ms");
        assertEquals(0, requester.inFlight());
    }

    private static void assertRemoteFailure(final String message, final CompletableFuture<Message> reply)
    {
        final Throwable failure = failureOf(reply);
        assertInstanceOf(RemoteHandlerException.class, failure);
        assertEquals(message, failure.getMessage());
    }

    private static String payloadOf(final CompletableFuture<Message> reply) throws Exception
    {
        return reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).payloadAsString();
    }

    private static Throwable failureOf(final CompletableFuture<Message> reply)
    {
        try
        {
            final Message unexpected = reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure, got the reply " + unexpected);
        }
        catch (final ExecutionException ex)
        {
            return ex.getCause();
        }
        catch (final Exception ex)
        {
            return fail("the request neither failed nor completed: " + ex);
        }
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
