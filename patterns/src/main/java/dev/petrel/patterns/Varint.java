package dev.petrel.patterns;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Unsigned LEB128 variable-length integers, as used in Petrel's envelope and commands.
 */
public final class Varint
{
    private Varint()
    {
    }

    /**
     * @param dst    destination.
     * @param offset where to write.
     * @param value  a non-negative value.
     * @return the offset after the value.
     */
    public static int put(final MutableDirectBuffer dst, final int offset, final long value)
    {
        int at = offset;
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            dst.putByte(at++, (byte)((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        dst.putByte(at++, (byte)v);
        return at;
    }

    /**
     * @param src    source.
     * @param offset where the value starts.
     * @param end    the end of readable bytes.
     * @return the value.
     * @throws IllegalArgumentException when it overruns or exceeds 63 bits.
     */
    public static long get(final DirectBuffer src, final int offset, final int end)
    {
        long value = 0;
        int shift = 0;
        for (int at = offset; at < end && shift < 63; at++, shift += 7)
        {
            final int b = src.getByte(at) & 0xFF;
            value |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    /**
     * @param src    source.
     * @param offset where a value starts.
     * @param end    the end of readable bytes.
     * @return the offset after that value.
     */
    public static int next(final DirectBuffer src, final int offset, final int end)
    {
        int at = offset;
        while (at < end && (src.getByte(at) & 0x80) != 0)
        {
            at++;
        }
        if (at >= end)
        {
            throw new IllegalArgumentException("malformed varint");
        }
        return at + 1;
    }
}
