package dev.petrel.transport.zmtp;

import java.nio.ByteOrder;

import org.agrona.MutableDirectBuffer;

import static dev.petrel.transport.zmtp.ZmtpDescriptor.*;

/**
 * Encodes ZMTP frame headers: a flags byte then a 1-byte or 8-byte big-endian size.
 */
public final class ZmtpFrameHeader
{
    /** Longest header: flags plus an 8-byte size. */
    public static final int MAX_LENGTH = 9;

    private ZmtpFrameHeader()
    {
    }

    /**
     * @param bodyLength the frame body length.
     * @return the header length for it: 2 or 9.
     */
    public static int length(final long bodyLength)
    {
        return bodyLength > SHORT_FRAME_MAX ? 9 : 2;
    }

    /**
     * Writes a frame header.
     *
     * @param buffer     destination.
     * @param index      where to write.
     * @param bodyLength the body length.
     * @param more       true when more frames of the same message follow.
     * @param command    true for a command frame.
     * @return bytes written.
     */
    public static int write(
        final MutableDirectBuffer buffer, final int index, final long bodyLength, final boolean more,
        final boolean command)
    {
        int flags = (more ? FLAG_MORE : 0) | (command ? FLAG_COMMAND : 0);
        if (bodyLength > SHORT_FRAME_MAX)
        {
            flags |= FLAG_LONG;
            buffer.putByte(index, (byte)flags);
            buffer.putLong(index + 1, bodyLength, ByteOrder.BIG_ENDIAN);
            return 9;
        }
        buffer.putByte(index, (byte)flags);
        buffer.putByte(index + 1, (byte)bodyLength);
        return 2;
    }
}
