package dev.petrel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.petrel.test.Tests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.petrel.test.Tests.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Push/pull between Petrel peers, each scenario over TCP and inproc: fair load balancing, key affinity, and
 * automatic reconnection after the bound peer restarts.
 */
class PushPullTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldShareWorkFairlyAcrossThreePullers(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher();
            final String endpoint = pusher.bind(Tests.bindEndpoint(transport));
            final AtomicInteger[] counts = new AtomicInteger[3];
            for (int i = 0; i < counts.length; i++)
            {
                final AtomicInteger count = new AtomicInteger();
                counts[i] = count;
                node.puller().handler(m -> count.incrementAndGet()).connect(endpoint);
            }
            await(() -> 3 == pusher.peerCount(), TIMEOUT, "three pullers");

            final int total = 3000;
            for (int i = 0; i < total; i++)
            {
                pusher.send("job-" + i);
            }
            await(() -> total == counts[0].get() + counts[1].get() + counts[2].get(), TIMEOUT, "every job");
            for (final AtomicInteger count : counts)
            {
                assertTrue(Math.abs(count.get() - total / 3) <= total / 3 / 5, "share " + count.get() + " of " + total);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldRouteEachKeyToOnePullerInOrderAndMoveOnlySomeKeysWhenAPullerJoins(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher();
            final String endpoint = pusher.bind(Tests.bindEndpoint(transport));
            final List<List<String>> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++)
            {
                addPuller(node, endpoint, seen);
            }
            await(() -> 3 == pusher.peerCount(), TIMEOUT, "three pullers");

            final int keys = 100;
            final Map<String, Integer> before = sendByKey(pusher, seen, keys, 5, "a");
            assertEquals(3, new java.util.HashSet<>(before.values()).size(), "every puller owns some keys");

            addPuller(node, endpoint, seen);
            await(() -> 4 == pusher.peerCount(), TIMEOUT, "the fourth puller");
            final Map<String, Integer> after = sendByKey(pusher, seen, keys, 5, "b");

            int moved = 0;
            for (final Map.Entry<String, Integer> entry : after.entrySet())
            {
                if (!entry.getValue().equals(before.get(entry.getKey())))
                {
                    assertEquals(3, entry.getValue(), "a moved key moves to the new puller: " + entry.getKey());
                    moved++;
                }
            }
            assertTrue(moved > 0 && moved < keys / 2, moved + " of " + keys + " keys moved");
        }
    }

    private static void addPuller(final Node node, final String endpoint, final List<List<String>> seen)
    {
        final List<String> received = new CopyOnWriteArrayList<>();
        seen.add(received);
        node.puller().handler(m -> received.add(m.payloadAsString())).connect(endpoint);
    }

    /**
     * Sends {@code perKey} numbered messages for each key and checks each key went to one puller, in order.
     *
     * @return the index of the puller that owned each key.
     */
    private static Map<String, Integer> sendByKey(
        final Pusher pusher, final List<List<String>> seen, final int keys, final int perKey, final String round)
    {
        seen.forEach(List::clear);
        for (int n = 0; n < perKey; n++)
        {
            for (int k = 0; k < keys; k++)
            {
                final String key = "key-" + k;
                pusher.send(key, (key + ":" + round + n).getBytes(StandardCharsets.UTF_8));
            }
        }
        await(() -> seen.stream().mapToInt(List::size).sum() == keys * perKey, TIMEOUT, "every keyed message");
        final Map<String, Integer> owner = new HashMap<>();
        for (int p = 0; p < seen.size(); p++)
        {
            final Map<String, Integer> nextSeq = new HashMap<>();
            for (final String payload : seen.get(p))
            {
                final String key = payload.substring(0, payload.indexOf(':'));
                final int seq = Integer.parseInt(payload.substring(payload.indexOf(':') + 2));
                final Integer previousOwner = owner.put(key, p);
                assertTrue(null == previousOwner || previousOwner == p, key + " reached two pullers");
                assertEquals(nextSeq.getOrDefault(key, 0), seq, key + " out of order");
                nextSeq.put(key, seq + 1);
            }
        }
        return owner;
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldReconnectAndResumeAfterTheBoundPullerRestarts(final String transport)
    {
        final String endpoint = "tcp".equals(transport) ?
            "tcp://127.0.0.1:" + Tests.freePort() : Tests.uniqueInproc();
        try (Node senderNode = Node.create(Tests.fastContext()))
        {
            final boolean inproc = "inproc".equals(transport);
            Node pullerNode = inproc ? senderNode : Node.create(Tests.fastContext());
            try
            {
                final Puller first = pullerNode.puller();
                first.bind(endpoint);
                final Pusher pusher = senderNode.pusher().sendTimeout(TIMEOUT);
                pusher.connect(endpoint);
                pusher.send("before");
                assertEquals("before", first.receive(TIMEOUT).payloadAsString());

                if (inproc)
                {
                    first.close();
                }
                else
                {
                    pullerNode.close();
                    pullerNode = Node.create(Tests.fastContext());
                }
                await(() -> 0 == pusher.peerCount(), TIMEOUT, "the pusher to notice the restart");
                final Puller second = pullerNode.puller();
                second.bind(endpoint);

                for (int i = 0; i < 100; i++)
                {
                    pusher.send("after-" + i);
                }
                for (int i = 0; i < 100; i++)
                {
                    final Message message = second.receive(TIMEOUT);
                    assertNotNull(message, "message " + i + " after the restart");
                    assertEquals("after-" + i, message.payloadAsString());
                }
            }
            finally
            {
                if (!inproc)
                {
                    pullerNode.close();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp", "inproc" })
    void shouldCarryHeadersBetweenPetrelPeers(final String transport)
    {
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Puller puller = node.puller();
            final String endpoint = puller.bind(Tests.bindEndpoint(transport));
            final Pusher pusher = node.pusher();
            pusher.connect(endpoint);
            pusher.send(Message.builder().payload("body").header("trace-id", "t-42").header("tenant", "eu").build());
            final Message message = puller.receive(TIMEOUT);
            assertNotNull(message);
            assertEquals("body", message.payloadAsString());
            assertEquals(Map.of("trace-id", "t-42", "tenant", "eu"), message.headers());
            assertTrue(message.timestampNs() > 0, "a Petrel sender stamps the publish time");
        }
    }

}
