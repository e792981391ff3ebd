package dev.petrel.transport.zmtp;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.DirectBuffer;

/**
 * The ZMTP metadata encoding used by READY: a sequence of properties, each a 1-byte name length, the name,
 * a 4-byte big-endian value length and the value. Names compare without regard to case.
 */
public final class ZmtpMetadata
{
    private ZmtpMetadata()
    {
    }

    /**
     * Encodes properties.
     *
     * @param properties names (at most 255 ASCII bytes) and values.
     * @return the encoded bytes.
     */
    public static byte[] encode(final Map<String, String> properties)
    {
        int length = 0;
        for (final Map.Entry<String, String> entry : properties.entrySet())
        {
            length += 1 + entry.getKey().length() + 4 + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        final byte[] bytes = new byte[length];
        int index = 0;
        for (final Map.Entry<String, String> entry : properties.entrySet())
        {
            final byte[] name = entry.getKey().getBytes(StandardCharsets.US_ASCII);
            final byte[] value = entry.getValue().getBytes(StandardCharsets.UTF_8);
            bytes[index++] = (byte)name.length;
            System.arraycopy(name, 0, bytes, index, name.length);
            index += name.length;
            bytes[index++] = (byte)(value.length >>> 24);
            bytes[index++] = (byte)(value.length >>> 16);
            bytes[index++] = (byte)(value.length >>> 8);
            bytes[index++] = (byte)value.length;
            System.arraycopy(value, 0, bytes, index, value.length);
            index += value.length;
        }
        return bytes;
    }

    /**
     * Decodes properties.
     *
     * @param buffer holding the encoded properties.
     * @param offset where they start.
     * @param length how many bytes they take.
     * @return the properties, keyed without regard to case.
     * @throws IllegalArgumentException when the encoding is malformed.
     */
    public static Map<String, String> decode(final DirectBuffer buffer, final int offset, final int length)
    {
        final Map<String, String> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int index = offset;
        final int end = offset + length;
        while (index < end)
        {
            final int nameLength = buffer.getByte(index) & 0xFF;
            index++;
            if (0 == nameLength || index + nameLength + 4 > end)
            {
                throw new IllegalArgumentException("malformed metadata property at byte " + (index - offset));
            }
            final String name = buffer.getStringWithoutLengthAscii(index, nameLength);
            index += nameLength;
            final long valueLength = Integer.toUnsignedLong(
                buffer.getInt(index, java.nio.ByteOrder.BIG_ENDIAN));
            index += 4;
            if (index + valueLength > end)
            {
                throw new IllegalArgumentException("metadata value of '" + name + "' overruns the command");
            }
            final byte[] value = new byte[(int)valueLength];
            buffer.getBytes(index, value);
            index += (int)valueLength;
            properties.put(name, new String(value, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
