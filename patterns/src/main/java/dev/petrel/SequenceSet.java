package dev.petrel;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/**
 * A set of (producer ID, sequence) pairs: one open-addressing set of sequences per producer, so adding, removing
 * and looking up a pair of a known producer allocates nothing. Not thread safe.
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
        final boolean added = sequences.add(sequence);
        if (added)
        {
            size++;
        }
        return added;
    }

    boolean remove(final long producerId, final long sequence)
    {
        final LongHashSet sequences = producers.get(producerId);
        final boolean removed = null != sequences && sequences.remove(sequence);
        if (removed)
        {
            size--;
        }
        return removed;
    }

    boolean contains(final long producerId, final long sequence)
    {
        final LongHashSet sequences = producers.get(producerId);
        return null != sequences && sequences.contains(sequence);
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return 0 == size;
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
