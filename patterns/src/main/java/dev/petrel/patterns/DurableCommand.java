package dev.petrel.patterns;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The commands of durable streams between Petrel peers. Each body starts with the command name (length byte,
 * ASCII); the data that follows is:
 * <pre>
 *  PATTACH  (receiver to sender)  receiver name (UTF-8, rest)
 *  PACK     (receiver to sender)  sequence (8, little-endian) · count (8, little-endian)
 *  PNACK    (receiver to sender)  sequence (8, little-endian) · index (8, little-endian)
 *  PSTREAM  (sender to receiver)  producer ID (8, little-endian) · base sequence (8, little-endian)
 * </pre>
 * {@code PATTACH} makes the peer a named durable receiver. {@code PACK} acknowledges the first
 * {@code count} messages the sender sent on that connection (a sequence may be sent more than once on a
 * connection, so the count is what identifies the messages); the sequence is the one the receiver settled last,
 * for diagnostics. {@code PNACK} says the {@code index}-th message on the connection (counting from 1) failed and
 * is not covered by later acknowledgements. {@code PSTREAM} comes before the first message on a connection and
 * again when the base moves: the base is a sequence up to which every message of the producer was processed, so
 * the receiver counts those as seen.
 */
public final class DurableCommand
{
    /** Command name announcing a durable receiver. */
    public static final String ATTACH = "PATTACH";
    /** Command name of a cumulative acknowledgement. */
    public static final String ACK = "PACK";
    /** Command name of a negative acknowledgement of one message. */
    public static final String NACK = "PNACK";
    /** Command name of the producer ID and base sequence. */
    public static final String STREAM = "PSTREAM";
    /** Length of the data of a PACK command. */
    public static final int ACK_LENGTH = 16;
    /** Length of the data of a PSTREAM command. */
    public static final int STREAM_LENGTH = 16;

    private DurableCommand()
    {
    }

    /**
     * Encodes a PATTACH command body (name included).
     *
     * @param dst  destination.
     * @param name the receiver name.
     * @return the length written.
     */
    public static int encodeAttach(final ExpandableArrayBuffer dst, final String name)
    {
        final int at = putName(dst, ATTACH);
        final byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        dst.putBytes(at, bytes);
        return at + bytes.length;
    }

    /**
     * Encodes a PACK command body (name included).
     *
     * @param dst      destination.
     * @param sequence of the last acknowledged message.
     * @param count    of messages acknowledged on this connection since it opened.
     * @return the length written.
     */
    public static int encodeAck(final ExpandableArrayBuffer dst, final long sequence, final long count)
    {
        final int at = putName(dst, ACK);
        dst.putLong(at, sequence);
        dst.putLong(at + 8, count);
        return at + ACK_LENGTH;
    }

    /**
     * Encodes a PNACK command body (name included).
     *
     * @param dst      destination.
     * @param sequence of the failed message.
     * @param index    of the failed message on this connection, counting from 1.
     * @return the length written.
     */
    public static int encodeNack(final ExpandableArrayBuffer dst, final long sequence, final long index)
    {
        final int at = putName(dst, NACK);
        dst.putLong(at, sequence);
        dst.putLong(at + 8, index);
        return at + ACK_LENGTH;
    }

    /**
     * Encodes a PSTREAM command body (name included).
     *
     * @param dst        destination.
     * @param producerId the producer ID.
     * @param base       sequence up to which every message was processed.
     * @return the length written.
     */
    public static int encodeStream(final ExpandableArrayBuffer dst, final long producerId, final long base)
    {
        final int at = putName(dst, STREAM);
        dst.putLong(at, producerId);
        dst.putLong(at + 8, base);
        return at + STREAM_LENGTH;
    }

    private static int putName(final ExpandableArrayBuffer dst, final String name)
    {
        dst.putByte(0, (byte)name.length());
        return 1 + dst.putStringWithoutLengthAscii(1, name);
    }

    /**
     * Decodes the data of a PATTACH command.
     *
     * @param src    source.
     * @param offset where the data starts.
     * @param length data length.
     * @return the receiver name.
     * @throws IllegalArgumentException when the name is empty.
     */
    public static String decodeAttach(final DirectBuffer src, final int offset, final int length)
    {
        if (length <= 0)
        {
            throw new IllegalArgumentException("malformed PATTACH command");
        }
        return src.getStringWithoutLengthUtf8(offset, length);
    }

    /**
     * Reads an 8-byte field of PACK or PSTREAM data.
     *
     * @param src    source.
     * @param offset where the data starts.
     * @param length data length.
     * @param index  of the field (0 or 1).
     * @return the field.
     * @throws IllegalArgumentException when the data is too short.
     */
    public static long longField(final DirectBuffer src, final int offset, final int length, final int index)
    {
        if (length < (index + 1) * 8)
        {
            throw new IllegalArgumentException("malformed durable-stream command");
        }
        return src.getLong(offset + index * 8);
    }
}
