package dev.petrel;

import dev.petrel.patterns.SubjectPattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionTableTest
{
    @Test
    void shouldFindSubscriptionsByIdWhateverOrderTheyWereAddedIn()
    {
        final SubscriptionTable table = new SubscriptionTable();
        final Subscription three = subscription(3);
        final Subscription one = subscription(1);
        final Subscription two = subscription(2000);
        table.add(three);
        table.add(one);
        table.add(two);
        assertSame(one, table.get(1));
        assertSame(three, table.get(3));
        assertSame(two, table.get(2000));
        assertNull(table.get(2));
        assertArrayEquals(new Subscription[] { one, three, two }, table.all());
    }

    @Test
    void shouldRemoveOnlyWhatIsThere()
    {
        final SubscriptionTable table = new SubscriptionTable();
        final Subscription one = subscription(1);
        final Subscription two = subscription(2);
        table.add(one);
        table.add(two);
        assertTrue(table.remove(one));
        assertFalse(table.remove(one));
        assertNull(table.get(1));
        assertSame(two, table.get(2));
        assertArrayEquals(new Subscription[] { two }, table.all());
    }

    private static Subscription subscription(final int sid)
    {
        return new Subscription(null, sid, SubjectPattern.compile("a.>"), null, null, null);
    }
}
