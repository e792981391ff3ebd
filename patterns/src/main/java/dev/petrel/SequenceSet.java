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

    boolean add(final long producerId, final long sequence)
    {
        LongHashSet sequences = producers.get(producerId);
        if (null == sequences)
        {
            sequences = new LongHashSet();
            producers.put(producerId, sequences);
        }
        return sequences.add(sequence);
    }

    boolean remove(final long producerId, final long sequence)
    {
        final LongHashSet sequences = producers.get(producerId);
        return null != sequences && sequences.remove(sequence);
    }

    boolean contains(final long producerId, final long sequence)
    {
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
            sequences.removeIfLong(s -> s <= sequence);
        }
    }
}
