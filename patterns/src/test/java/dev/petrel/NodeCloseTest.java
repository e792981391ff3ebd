package dev.petrel;

import java.time.Duration;
import java.util.Set;

import dev.petrel.test.Tests;
import org.junit.jupiter.api.Test;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Closing a node releases its I/O thread and its ports, even with live connections, a pending reconnect and
 * messages still queued.
 */
class NodeCloseTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void shouldLeaveNoThreadsAndNoBoundPortsBehind()
    {
        final Set<String> threadsBefore = Tests.petrelIoThreads();
        final int port = Tests.freePort();
        final String endpoint = "tcp://127.0.0.1:" + port;

        final Node bound = Node.create(Tests.fastContext());
        final Node connecting = Node.create(Tests.fastContext());
        assertEquals(threadsBefore.size() + 2, Tests.petrelIoThreads().size(), "one I/O thread per node");
        final Puller puller = bound.puller().receiveHighWaterMark(1);
        puller.bind(endpoint);
        final Publisher publisher = bound.publisher();
        publisher.bind("tcp://127.0.0.1:0");
        final Pusher pusher = connecting.pusher().sendTimeout(TIMEOUT);
        pusher.connect(endpoint);
        connecting.subscriber().connect("tcp://127.0.0.1:" + Tests.freePort());
        for (int i = 0; i < 50; i++)
        {
            pusher.send("queued-" + i);
        }
        await(() -> 1 == puller.peerCount(), TIMEOUT, "the pusher's connection");

        bound.close();
        connecting.close();
        assertEquals(threadsBefore, Tests.petrelIoThreads(), "no I/O thread survives close");

        try (Node again = Node.create(Tests.fastContext()))
        {
            assertEquals(endpoint, again.puller().bind(endpoint), "the port is free again");
        }
        assertEquals(threadsBefore, Tests.petrelIoThreads());
    }
}
