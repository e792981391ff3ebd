package dev.petrel;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SmokeTest
{
    @Test
    void shouldPushAndPullOverTcp()
    {
        try (Node node = Node.create())
        {
            final Puller pull = node.puller();
            final String endpoint = pull.bind("tcp://127.0.0.1:0");
            final Pusher push = node.pusher();
            push.connect(endpoint);
            for (int i = 0; i < 1000; i++)
            {
                push.send("m" + i);
            }
            for (int i = 0; i < 1000; i++)
            {
                final Message m = pull.receive(Duration.ofSeconds(5));
                assertNotNull(m, "message " + i);
                assertEquals("m" + i, m.payloadAsString());
            }
        }
    }

    @Test
    void shouldPublishAndSubscribeOverInproc()
    {
        try (Node node = Node.create())
        {
            final Publisher pub = node.publisher();
            pub.bind("inproc://x");
            final Subscriber sub = node.subscriber();
            sub.connect("inproc://x");
            sub.subscribe("orders.*.new");
            assertTrue(pub.awaitSubscribers(1, Duration.ofSeconds(5)));
            pub.publish(Message.builder().subject("orders.eu.new").payload("a").header("k", "v").build());
            pub.publish("orders.eu.old", "b");
            pub.publish("orders.us.new", "c");
            final Message first = sub.receive(Duration.ofSeconds(5));
            assertEquals("orders.eu.new", first.subject());
            assertEquals("v", first.header("k"));
            assertEquals("c", sub.receive(Duration.ofSeconds(5)).payloadAsString());
            assertNull(sub.receive(Duration.ofMillis(100)));
        }
    }
}
