package dev.petrel;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/**
 * A set of (producer ID, sequence) pairs: one open-addressing set of sequences per producer, so adding, removing
 * and looking up a pair of a known producer allocates nothing. It counts its pairs, so that the removals and
 * look-ups a durable puller makes for every message cost no hashing while the set is empty, as it is in a stream
 * without failures. Not thread safe.
 */
final class SequenceSet
{
    /**
     * Receives the pairs of a set.
     */
    @FunctionalInterface
    interface PairConsumer
    {
        void accept(long producerId, long sequence);
    }

    private final Long2ObjectHashMap<LongHashSet> producers = new Long2ObjectHashMap<>();
    private int size;

    boolean add(final long producerId, final long sequence)
    {
        LongHashSet sequences = producers.get(producerId);
        if (null == sequences)
        {
            sequences = new LongHashSet();
            producers.put(producerId, sequences);
        }
        if (!sequences.add(sequence))
        {
            return false;
        }
        size++;
        return true;
    }

    boolean remove(final long producerId, final long sequence)
    {
        if (0 == size)
        {
            return false;
        }
        final LongHashSet sequences = producers.get(producerId);
        if (null == sequences || !sequences.remove(sequence))
        {
            return false;
        }
        size--;
        return true;
    }

    boolean contains(final long producerId, final long sequence)
    {
        if (0 == size)
        {
            return false;
        }
        final LongHashSet sequences = producers.get(producerId);
        return null != sequences && sequences.contains(sequence);
    }

    void forEach(final PairConsumer consumer)
    {
        producers.forEach((producerId, sequences) ->
        {
            sequences.forEachLong(sequence -> consumer.accept(producerId, sequence));
        });
    }

    /**
     * Removes every pair of a producer with a sequence up to and including the given one.
     */
    void removeThrough(final long producerId, final long sequence)
    {
        final LongHashSet sequences = producers.get(producerId);
        if (null != sequences)
        {
            final int before = sequences.size();
            sequences.removeIfLong(s -> s <= sequence);
            size -= before - sequences.size();
        }
    }
}
