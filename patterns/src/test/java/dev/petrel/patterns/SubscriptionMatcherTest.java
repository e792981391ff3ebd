package dev.petrel.patterns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubscriptionMatcherTest
{
    private static SubscriptionCommand.Subscribe subscribe(final int sid, final String pattern)
    {
        return new SubscriptionCommand.Subscribe(sid, null, SubjectPattern.compile(pattern));
    }

    @Test
    void shouldAnswerARepeatedSubjectWithTheSameSubscriptions()
    {
        final SubscriptionMatcher matcher = new SubscriptionMatcher();
        final SubscriptionCommand.Subscribe[] subscriptions = { subscribe(1, "orders.>"), subscribe(2, "orders.eu") };

        assertEquals(2, matcher.match(subscriptions, "orders.eu"));
        assertEquals(2, matcher.match(subscriptions, new String("orders.eu")));
        assertEquals(1, matcher.matched(0).sid());
        assertEquals(2, matcher.matched(1).sid());
        assertEquals(1, matcher.match(subscriptions, "orders.us"));
        assertEquals(1, matcher.matched(0).sid());
        assertEquals(2, matcher.match(subscriptions, "orders.eu"));
    }

    @Test
    void shouldMatchARepeatedSubjectAfreshOnceTheSubscriptionsChange()
    {
        final SubscriptionMatcher matcher = new SubscriptionMatcher();
        final SubscriptionCommand.Subscribe[] before = { subscribe(1, "orders.*") };
        final SubscriptionCommand.Subscribe[] after = { subscribe(2, "quotes.*"), subscribe(3, "orders.eu") };

        assertEquals(1, matcher.match(before, "orders.eu"));
        assertEquals(1, matcher.match(after, "orders.eu"));
        assertEquals(3, matcher.matched(0).sid());
        assertEquals(0, matcher.match(new SubscriptionCommand.Subscribe[0], "orders.eu"));
    }
}
