package dev.petrel.patterns;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The meta frame Petrel peers put beside subject and payload: version, flags, publish timestamp, and optionally
 * correlation ID, sequence, target subscription IDs and headers. A reusable flyweight-style holder: {@link #decode}
 * refills it, {@link #encode} writes it without allocating when there are no headers.
 * <p>
 * Layout: version (1) · flags (1) · timestamp epoch ns (8, little-endian) · [correlation ID (8)] · [sequence (8)] ·
 * [sid count (varint), sids (varint each)] · [header count (varint), (key length varint, key UTF-8, value length
 * varint, value UTF-8) each].
 */
public final class Envelope
{
    /** Envelope format version. */
    public static final int VERSION = 1;

    private static final int FLAG_CORRELATION = 0x01;
    private static final int FLAG_SEQUENCE = 0x02;
    private static final int FLAG_SIDS = 0x04;
    private static final int FLAG_HEADERS = 0x08;

    private long timestampNs;
    private long correlationId;
    private long sequence;
    private boolean hasCorrelationId;
    private boolean hasSequence;
    private int[] sids = new int[4];
    private int sidCount;
    private boolean hasSids;
    private Map<String, String> headers = Collections.emptyMap();

    /**
     * Encodes an envelope.
     *
     * @param dst           destination (must have room; see {@link #maxLength}).
     * @param offset        where to write.
     * @param timestampNs   publish time, epoch nanoseconds.
     * @param correlationId correlation ID, or 0 for none.
     * @param sequence      sequence number, or 0 for none.
     * @param targetSids    subscription IDs this copy is for, or null.
     * @param sidCount      how many of targetSids to write.
     * @param headers       headers, or an empty map.
     * @return bytes written.
     */
    public static int encode(
        final MutableDirectBuffer dst,
        final int offset,
        final long timestampNs,
        final long correlationId,
        final long sequence,
        final int[] targetSids,
        final int sidCount,
        final Map<String, String> headers)
    {
        int flags = 0;
        flags |= 0 != correlationId ? FLAG_CORRELATION : 0;
        flags |= 0 != sequence ? FLAG_SEQUENCE : 0;
        flags |= null != targetSids ? FLAG_SIDS : 0;
        flags |= headers.isEmpty() ? 0 : FLAG_HEADERS;
        int at = offset;
        dst.putByte(at++, (byte)VERSION);
        dst.putByte(at++, (byte)flags);
        dst.putLong(at, timestampNs);
        at += 8;
        if (0 != correlationId)
        {
            dst.putLong(at, correlationId);
            at += 8;
        }
        if (0 != sequence)
        {
            dst.putLong(at, sequence);
            at += 8;
        }
        if (null != targetSids)
        {
            at = Varint.put(dst, at, sidCount);
            for (int i = 0; i < sidCount; i++)
            {
                at = Varint.put(dst, at, targetSids[i]);
            }
        }
        if (!headers.isEmpty())
        {
            at = Varint.put(dst, at, headers.size());
            for (final Map.Entry<String, String> header : headers.entrySet())
            {
                at = putString(dst, at, header.getKey());
                at = putString(dst, at, header.getValue());
            }
        }
        return at - offset;
    }

    /**
     * @param correlationId the correlation ID, 0 for none.
     * @param sequence      the sequence, 0 for none.
     * @return the exact encoded length of an envelope with neither subscription IDs nor headers.
     */
    public static int plainLength(final long correlationId, final long sequence)
    {
        return 10 + (0 != correlationId ? 8 : 0) + (0 != sequence ? 8 : 0);
    }

    /**
     * @param sidCount how many subscription IDs.
     * @param headers  the headers.
     * @return an upper bound on the encoded length.
     */
    public static int maxLength(final int sidCount, final Map<String, String> headers)
    {
        int length = 2 + 8 + 8 + 8 + 5 + 5 * sidCount + 5;
        if (headers.isEmpty())
        {
            return length;
        }
        for (final Map.Entry<String, String> header : headers.entrySet())
        {
            length += 10 + 3 * (header.getKey().length() + header.getValue().length());
        }
        return length;
    }

    private static int putString(final MutableDirectBuffer dst, final int offset, final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        final int at = Varint.put(dst, offset, bytes.length);
        dst.putBytes(at, bytes);
        return at + bytes.length;
    }

    /**
     * Decodes an envelope into this holder.
     *
     * @param src    source.
     * @param offset where it starts.
     * @param length its length.
     * @return this.
     * @throws IllegalArgumentException when malformed.
     */
    public Envelope decode(final DirectBuffer src, final int offset, final int length)
    {
        final int end = offset + length;
        if (length < 10 || (src.getByte(offset) & 0xFF) != VERSION)
        {
            throw new IllegalArgumentException("malformed Petrel envelope");
        }
        final int flags = src.getByte(offset + 1) & 0xFF;
        timestampNs = src.getLong(offset + 2);
        int at = offset + 10;
        hasCorrelationId = (flags & FLAG_CORRELATION) != 0;
        correlationId = hasCorrelationId ? checked(src, at, 8, end).getLong(at) : 0;
        at += hasCorrelationId ? 8 : 0;
        hasSequence = (flags & FLAG_SEQUENCE) != 0;
        sequence = hasSequence ? checked(src, at, 8, end).getLong(at) : 0;
        at += hasSequence ? 8 : 0;
        hasSids = (flags & FLAG_SIDS) != 0;
        sidCount = 0;
        if (hasSids)
        {
            at = decodeSids(src, at, end);
        }
        headers = Collections.emptyMap();
        if ((flags & FLAG_HEADERS) != 0)
        {
            decodeHeaders(src, at, end);
        }
        return this;
    }

    private int decodeSids(final DirectBuffer src, final int offset, final int end)
    {
        final long count = Varint.get(src, offset, end);
        int at = Varint.next(src, offset, end);
        if (count < 0 || count > 1_000_000)
        {
            throw new IllegalArgumentException("malformed Petrel envelope: bad sid count");
        }
        if (sids.length < count)
        {
            sids = new int[(int)count];
        }
        for (int i = 0; i < count; i++)
        {
            sids[i] = (int)Varint.get(src, at, end);
            at = Varint.next(src, at, end);
        }
        sidCount = (int)count;
        return at;
    }

    private void decodeHeaders(final DirectBuffer src, final int offset, final int end)
    {
        final long count = Varint.get(src, offset, end);
        int at = Varint.next(src, offset, end);
        final Map<String, String> map = new LinkedHashMap<>();
        for (long i = 0; i < count; i++)
        {
            final int keyLength = (int)Varint.get(src, at, end);
            at = Varint.next(src, at, end);
            final String key = checked(src, at, keyLength, end).getStringWithoutLengthUtf8(at, keyLength);
            at += keyLength;
            final int valueLength = (int)Varint.get(src, at, end);
            at = Varint.next(src, at, end);
            final String value = checked(src, at, valueLength, end).getStringWithoutLengthUtf8(at, valueLength);
            at += valueLength;
            map.put(key, value);
        }
        headers = Collections.unmodifiableMap(map);
    }

    private static DirectBuffer checked(final DirectBuffer src, final int at, final int length, final int end)
    {
        if (length < 0 || at + length > end)
        {
            throw new IllegalArgumentException("malformed Petrel envelope: field overruns the frame");
        }
        return src;
    }

    /**
     * @return publish time, epoch nanoseconds.
     */
    public long timestampNs()
    {
        return timestampNs;
    }

    /**
     * @return correlation ID, or 0.
     */
    public long correlationId()
    {
        return correlationId;
    }

    /**
     * @return sequence, or 0.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * @return true when the sender named target subscriptions.
     */
    public boolean hasSids()
    {
        return hasSids;
    }

    /**
     * @return how many target subscriptions.
     */
    public int sidCount()
    {
        return sidCount;
    }

    /**
     * @param i index.
     * @return the i-th target subscription ID.
     */
    public int sid(final int i)
    {
        return sids[i];
    }

    /**
     * @return headers (unmodifiable, possibly empty).
     */
    public Map<String, String> headers()
    {
        return headers;
    }
}
