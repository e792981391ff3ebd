package dev.petrel.patterns;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The subscription commands Petrel subscribers send to Petrel publishers (plain ZeroMQ publishers get ZeroMQ's
 * {@code 0x01}/{@code 0x00} prefix messages instead).
 * <p>
 * {@code PSUB}: name · sid (varint) · queue-group length (varint) · queue group (UTF-8) · pattern (UTF-8, rest).
 * {@code PUNSUB}: name · sid (varint).
 */
public final class SubscriptionCommand
{
    /** Command name for a subscription. */
    public static final String SUBSCRIBE = "PSUB";
    /** Command name for a cancellation. */
    public static final String UNSUBSCRIBE = "PUNSUB";

    private SubscriptionCommand()
    {
    }

    /**
     * Encodes a PSUB command body (name included).
     *
     * @param dst     destination.
     * @param sid     subscription ID.
     * @param group   queue group, or null.
     * @param pattern subject pattern.
     * @return the length written.
     */
    public static int encodeSubscribe(
        final ExpandableArrayBuffer dst, final int sid, final String group, final String pattern)
    {
        int at = putName(dst, SUBSCRIBE);
        at = Varint.put(dst, at, sid);
        final byte[] groupBytes = null == group ? new byte[0] : group.getBytes(StandardCharsets.UTF_8);
        at = Varint.put(dst, at, groupBytes.length);
        dst.putBytes(at, groupBytes);
        at += groupBytes.length;
        final byte[] patternBytes = pattern.getBytes(StandardCharsets.UTF_8);
        dst.putBytes(at, patternBytes);
        return at + patternBytes.length;
    }

    /**
     * Encodes a PUNSUB command body (name included).
     *
     * @param dst destination.
     * @param sid subscription ID.
     * @return the length written.
     */
    public static int encodeUnsubscribe(final ExpandableArrayBuffer dst, final int sid)
    {
        return Varint.put(dst, putName(dst, UNSUBSCRIBE), sid);
    }

    private static int putName(final ExpandableArrayBuffer dst, final String name)
    {
        dst.putByte(0, (byte)name.length());
        return 1 + dst.putStringWithoutLengthAscii(1, name);
    }

    /**
     * A decoded PSUB.
     *
     * @param sid     subscription ID.
     * @param group   queue group or null.
     * @param pattern the compiled pattern.
     */
    public record Subscribe(int sid, String group, SubjectPattern pattern)
    {
    }

    /**
     * Decodes the data of a PSUB command (after the name).
     *
     * @param src    source.
     * @param offset where the data starts.
     * @param length data length.
     * @return the subscription.
     * @throws IllegalArgumentException when malformed.
     */
    public static Subscribe decodeSubscribe(final DirectBuffer src, final int offset, final int length)
    {
        final int end = offset + length;
        final int sid = (int)Varint.get(src, offset, end);
        int at = Varint.next(src, offset, end);
        final int groupLength = (int)Varint.get(src, at, end);
        at = Varint.next(src, at, end);
        if (groupLength < 0 || at + groupLength > end)
        {
            throw new IllegalArgumentException("malformed PSUB command");
        }
        final String group = 0 == groupLength ? null : src.getStringWithoutLengthUtf8(at, groupLength);
        at += groupLength;
        final String pattern = src.getStringWithoutLengthUtf8(at, end - at);
        return new Subscribe(sid, group, SubjectPattern.compile(pattern));
    }

    /**
     * Decodes the data of a PUNSUB command.
     *
     * @param src    source.
     * @param offset where the data starts.
     * @param length data length.
     * @return the subscription ID.
     */
    public static int decodeUnsubscribe(final DirectBuffer src, final int offset, final int length)
    {
        return (int)Varint.get(src, offset, offset + length);
    }
}
