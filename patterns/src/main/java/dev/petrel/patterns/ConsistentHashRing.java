package dev.petrel.patterns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An immutable consistent-hash ring over a set of members, with virtual nodes so load spreads evenly; a member
 * joining or leaving moves only its own share of keys.
 *
 * @param <T> the member type.
 */
public final class ConsistentHashRing<T>
{
    private static final int VIRTUAL_NODES = 160;

    private final long[] points;
    private final Object[] owners;

    /**
     * @param members the members.
     * @param keyOf   a stable name for each member.
     */
    public ConsistentHashRing(final List<T> members, final Function<T, String> keyOf)
    {
        final int n = members.size() * VIRTUAL_NODES;
        final long[][] entries = new long[n][];
        final Object[] byIndex = members.toArray();
        int e = 0;
        for (int m = 0; m < byIndex.length; m++)
        {
            @SuppressWarnings("unchecked")
            final String key = keyOf.apply((T)byIndex[m]);
            for (int v = 0; v < VIRTUAL_NODES; v++)
            {
                entries[e++] = new long[] { hash(key + "#" + v), m };
            }
        }
        Arrays.sort(entries, (a, b) -> Long.compare(a[0], b[0]));
        points = new long[n];
        owners = new Object[n];
        for (int i = 0; i < n; i++)
        {
            points[i] = entries[i][0];
            owners[i] = byIndex[(int)entries[i][1]];
        }
    }

    /**
     * @param key the routing key.
     * @return the member owning the key, or null when the ring is empty.
     */
    @SuppressWarnings("unchecked")
    public T memberFor(final byte[] key)
    {
        if (0 == points.length)
        {
            return null;
        }
        final long h = hash(key);
        int index = Arrays.binarySearch(points, h);
        if (index < 0)
        {
            index = -index - 1;
        }
        return (T)owners[index == points.length ? 0 : index];
    }

    private static long hash(final String text)
    {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 64-bit FNV-1a followed by a finalising mix, good enough to spread keys evenly.
     *
     * @param bytes input.
     * @return the hash.
     */
    static long hash(final byte[] bytes)
    {
        long h = 0xcbf29ce484222325L;
        for (final byte b : bytes)
        {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
