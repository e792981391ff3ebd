package dev.petrel.patterns;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ConsistentHashRingTest
{
    @Test
    void shouldSpreadKeysAndMoveOnlyTheNewMembersShare()
    {
        final ConsistentHashRing<String> three = new ConsistentHashRing<>(List.of("a", "b", "c"), s -> s);
        final ConsistentHashRing<String> four = new ConsistentHashRing<>(List.of("a", "b", "c", "d"), s -> s);
        final Map<String, Integer> counts = new HashMap<>();
        int moved = 0;
        final int keys = 30_000;
        for (int i = 0; i < keys; i++)
        {
            final byte[] key = ("key-" + i).getBytes(StandardCharsets.UTF_8);
            final String before = three.memberFor(key);
            final String after = four.memberFor(key);
            counts.merge(before, 1, Integer::sum);
            if (!before.equals(after))
            {
                moved++;
                assertEquals("d", after, "a key may only move to the new member");
            }
        }
        for (final int count : counts.values())
        {
            assertTrue(Math.abs(count - keys / 3) < keys / 3 * 0.2, "uneven share " + counts);
        }
        assertTrue(moved > keys / 4 * 0.7 && moved < keys / 4 * 1.3, "moved " + moved);
    }

    @Test
    void shouldAnswerNullWhenEmpty()
    {
        assertNull(new ConsistentHashRing<String>(List.of(), s -> s).memberFor(new byte[] { 1 }));
    }
}
