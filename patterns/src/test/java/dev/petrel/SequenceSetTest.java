package dev.petrel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pair set a durable puller consults for every message, including its shortcut while empty.
 */
class SequenceSetTest
{
    @Test
    void shouldFindPairsAgainAfterTheSetWasEmptiedAndRefilled()
    {
        final SequenceSet set = new SequenceSet();
        assertFalse(set.contains(1, 1));
        assertFalse(set.remove(1, 1));
        assertTrue(set.add(1, 1));
        assertFalse(set.add(1, 1), "already there");
        assertTrue(set.remove(1, 1));
        assertFalse(set.remove(1, 1));
        assertTrue(set.add(2, 7));
        assertTrue(set.contains(2, 7));
        assertFalse(set.contains(1, 7));
    }

    @Test
    void shouldKeepCountingWhatRemainsAfterRemovingThroughASequence()
    {
        final SequenceSet set = new SequenceSet();
        set.add(1, 1);
        set.add(1, 2);
        set.add(1, 3);
        set.add(2, 1);
        set.removeThrough(1, 2);
        assertFalse(set.contains(1, 2));
        assertTrue(set.contains(1, 3));
        assertTrue(set.remove(1, 3));
        assertTrue(set.contains(2, 1), "the other producer's pair is still counted");
        assertTrue(set.remove(2, 1));
        assertFalse(set.contains(2, 1));
    }
}
