package dev.petrel;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.test.Tests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Requests streaming at two repliers while one of them goes away or stalls: no request may be left to run into its
 * timeout, and the least-outstanding strategy must steer around a replier that stopped answering.
 */
class RequestMidStreamTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final int REQUESTS = 2000;
    private static final int KILL_AT = 500;
    private static final int IN_FLIGHT = 16;
    private static final int HOLD_EVERY = 25;

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void shouldAnswerOrFailFastEveryRequestWhenAReplierNodeClosesMidStream(final boolean idempotent)
        throws Exception
    {
        final Node doomedNode = Node.create(Tests.fastContext());
        try (Node node = Node.create(Tests.fastContext()))
        {
            final AtomicInteger doomedTook = new AtomicInteger();
            final AtomicInteger held = new AtomicInteger();
            final Replier doomed = doomedNode.replier().handleAsync(">", (request, channel) ->
            {
                if (0 == doomedTook.incrementAndGet() % HOLD_EVERY)
                {
                    held.incrementAndGet();
                    return;
                }
                channel.reply(request.payload());
            });
            final Requester requester = node.requester().maxInFlight(IN_FLIGHT);
            requester.connect(doomed.bind("tcp://127.0.0.1:0"));
            requester.connect(echo(node).bind("tcp://127.0.0.1:0"));
            await(() -> 2 == requester.peerCount(), TIMEOUT, "two repliers");

            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (int i = 0; i < REQUESTS; i++)
            {
                assertTrue(System.nanoTime() - deadline < 0, "sent only " + i + " requests in " + TIMEOUT);
                if (KILL_AT == i)
                {
                    await(() -> held.get() > 0, TIMEOUT, "a request held by the doomed replier");
                    doomedNode.close();
                }
                final Message request = Message.of("work", ByteBuffer.allocate(4).putInt(i).array());
                replies.add(requester.request(request, REQUEST_TIMEOUT, idempotent));
            }

            int disconnected = 0;
            for (int i = 0; i < REQUESTS; i++)
            {
                try
                {
                    final Message reply = replies.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    assertEquals(i, ByteBuffer.wrap(reply.payload()).getInt(), "reply to request " + i);
                }
                catch (final ExecutionException ex)
                {
                    assertFalse(idempotent, "idempotent request " + i + " failed: " + ex.getCause());
                    assertInstanceOf(ReplierDisconnectedException.class, ex.getCause(), "request " + i);
                    disconnected++;
                }
            }
            assertTrue(idempotent || disconnected >= held.get(), "only " + disconnected + " of " + held + " failed");
            assertTrue(disconnected <= IN_FLIGHT, disconnected + " requests failed, more than were in flight");
            assertEquals(0, requester.inFlight());
        }
        finally
        {
            doomedNode.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldSteerLeastOutstandingAroundAStalledReplier(final String transport) throws Exception
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final AtomicInteger stalledTook = new AtomicInteger();
            final Replier stalled = node.replier()
                .handleAsync(">", (request, channel) -> stalledTook.incrementAndGet());
            final Requester requester = node.requester()
                .maxInFlight(IN_FLIGHT).loadBalancing(LoadBalancing.LEAST_OUTSTANDING);
            requester.connect(stalled.bind(Tests.bindEndpoint(transport)));
            requester.connect(echo(node).bind(Tests.bindEndpoint(transport)));
            await(() -> 2 == requester.peerCount(), TIMEOUT, "two repliers");

            final List<CompletableFuture<Message>> replies = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++)
            {
                replies.add(requester.request("work", ByteBuffer.allocate(4).putInt(i).array(), REQUEST_TIMEOUT));
            }
            await(() -> REQUESTS == stalledTook.get() + completed(replies), TIMEOUT, "every answer but the stalled");

            // With 16 in flight, least-outstanding stops feeding the stalled replier once it holds half of them.
            assertTrue(stalledTook.get() <= IN_FLIGHT / 2, "the stalled replier took " + stalledTook.get());
            for (int i = 0; i < REQUESTS; i++)
            {
                final CompletableFuture<Message> reply = replies.get(i);
                if (reply.isDone())
                {
                    assertEquals(i, ByteBuffer.wrap(reply.get().payload()).getInt(), "reply to request " + i);
                }
            }
        }
    }

    private static int completed(final List<CompletableFuture<Message>> replies)
    {
        int completed = 0;
        for (final CompletableFuture<Message> reply : replies)
        {
            if (reply.isDone() && !reply.isCompletedExceptionally())
            {
                completed++;
            }
        }
        return completed;
    }

    private static Replier echo(final Node node)
    {
        return node.replier().handle(">", request -> Message.of("", request.payload()));
    }
}
