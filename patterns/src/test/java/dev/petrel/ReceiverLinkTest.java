package dev.petrel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a durable puller acknowledges on one connection: only the leading run of settled arrivals, and only after
 * the failures before it were reported.
 */
class ReceiverLinkTest
{
    private final ReceiverLink link = new ReceiverLink();

    @Test
    void shouldAcknowledgeOnlyTheLeadingRunOfSettledArrivals()
    {
        final long first = link.nextArrival();
        final long second = link.nextArrival();
        final long third = link.nextArrival();
        link.settle(12, second);
        assertFalse(link.ackDue(), "the first arrival is still being processed");
        link.settle(11, first);
        assertTrue(link.ackDue());
        assertEquals(2, link.ackCount());
        link.ackSent();
        assertFalse(link.ackDue());
        link.settle(13, third);
        assertEquals(3, link.ackCount());
    }

    @Test
    void shouldHoldTheAcknowledgementUntilTheFailuresBeforeItAreReported()
    {
        link.fail(11, link.nextArrival());
        link.settle(12, link.nextArrival());
        assertArrayEquals(new long[]{ 11, 1 }, link.failure());
        assertFalse(link.ackDue());
        link.failureSent();
        assertNull(link.failure());
        assertTrue(link.ackDue());
        assertEquals(2, link.ackCount());
    }
}
