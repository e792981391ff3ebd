package dev.petrel.patterns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublisherPeerTest
{
    @Test
    void shouldMatchTheCurrentSubscriptionsAfterEachChange()
    {
        final PublisherPeer peer = new PublisherPeer();
        assertEquals(0, peer.match("orders.eu"));
        peer.add(new SubscriptionCommand.Subscribe(7, null, SubjectPattern.compile("orders.>")));
        peer.add(new SubscriptionCommand.Subscribe(9, "workers", SubjectPattern.compile("orders.*")));
        assertEquals(2, peer.match("orders.eu"));
        assertEquals(7, peer.matched(0).sid());
        assertEquals("workers", peer.matched(1).group());
        assertEquals(2, peer.matchCount());
        peer.remove(7);
        assertEquals(1, peer.match("orders.eu"));
        assertEquals(9, peer.matched(0).sid());
        assertEquals(0, peer.match("orders.eu.new"));
    }
}
