package dev.petrel.transport.zmtp;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import static dev.petrel.transport.zmtp.ZmtpDescriptor.*;

/**
 * Incremental decoder of ZMTP frames after the greeting. A message that lies whole in the bytes given is handed to
 * the {@link FrameSink} in place, without copying; otherwise its frame bodies are gathered into an assembly buffer
 * first. The size in each frame header is checked against the maximum message size before any room is made for
 * the body. When the sink refuses a message (back pressure) the decoder stops and the caller retries later.
 * <p>
 * Not thread-safe: owned by one connection on the I/O thread.
 */
public final class ZmtpFrameDecoder implements InboundFrames
{
    /** Returned by {@link #decode} when the stream is malformed; {@link #error()} says why. */
    public static final int MALFORMED = -1;

    private static final int INITIAL_FRAMES = 8;
    private static final int STALLED = -2;

    private final long maxMessageLength;
    private final ExpandableArrayBuffer assembly = new ExpandableArrayBuffer(4096);
    private final byte[] header = new byte[ZmtpFrameHeader.MAX_LENGTH];
    private int headerFilled;
    private int[] frameOffsets = new int[INITIAL_FRAMES];
    private int[] frameLengths = new int[INITIAL_FRAMES];
    private int frameCount;
    private int assemblyLength;
    private long bodyRemaining = -1;
    private boolean more;
    private boolean command;
    private boolean pending;
    private boolean stalled;
    private String error;
    private DirectBuffer viewBuffer = assembly;
    private int viewCount;
    private int viewLength;

    /**
     * @param maxMessageLength the largest message (sum of frame bodies) accepted.
     */
    public ZmtpFrameDecoder(final long maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
    }

    /**
     * Decodes as much of the given bytes as it can.
     *
     * @param src    source bytes.
     * @param offset where they start.
     * @param length how many there are.
     * @param sink   receives messages and commands.
     * @return bytes consumed (less than length when a message is pending delivery), or {@link #MALFORMED}.
     */
    public int decode(final DirectBuffer src, final int offset, final int length, final FrameSink sink)
    {
        int consumed = 0;
        while (!pending && !stalled && consumed < length)
        {
            if (bodyRemaining < 0 && 0 == headerFilled && 0 == frameCount)
            {
                final int whole = deliverInPlace(src, offset + consumed, length - consumed, sink);
                if (whole > 0)
                {
                    consumed += whole;
                    continue;
                }
                if (STALLED == whole)
                {
                    stalled = true;
                    break;
                }
            }
            if (bodyRemaining < 0)
            {
                final int n = readHeader(src, offset + consumed, length - consumed);
                if (n < 0)
                {
                    return MALFORMED;
                }
                consumed += n;
            }
            else
            {
                final int n = (int)Math.min(bodyRemaining, length - consumed);
                assembly.putBytes(assemblyLength, src, offset + consumed, n);
                assemblyLength += n;
                bodyRemaining -= n;
                consumed += n;
            }
            if (0 == bodyRemaining && !completeFrame(sink))
            {
                return MALFORMED;
            }
        }
        return consumed;
    }

    /**
     * Retries the delivery of a message the sink refused earlier. A refused message that was offered in place is
     * not held here: the caller decodes the same bytes again after this returns true.
     *
     * @param sink the sink.
     * @return true when nothing is held any more.
     */
    public boolean retryPending(final FrameSink sink)
    {
        stalled = false;
        if (pending)
        {
            showAssembly();
            if (sink.onMessage(this))
            {
                pending = false;
                resetMessage();
            }
        }
        return !pending;
    }

    /**
     * @return true when a refused message waits to be offered again.
     */
    public boolean hasPending()
    {
        return pending || stalled;
    }

    /**
     * Scans for a whole data message at the start of the given bytes and, when there is one, offers it in place.
     *
     * @return bytes consumed; 0 when the message is not whole here (or needs the checks of the slow path);
     *         {@link #STALLED} when the sink refused it.
     */
    private int deliverInPlace(final DirectBuffer src, final int start, final int available, final FrameSink sink)
    {
        final int end = start + available;
        int at = start;
        int count = 0;
        long total = 0;
        while (true)
        {
            if (at >= end)
            {
                return 0;
            }
            final int flags = src.getByte(at) & 0xFF;
            final int headerLength = (flags & FLAG_LONG) != 0 ? 9 : 2;
            if ((flags & FLAG_COMMAND) != 0 || at + headerLength > end)
            {
                return 0;
            }
            final long size = 9 == headerLength ?
                src.getLong(at + 1, ByteOrder.BIG_ENDIAN) : src.getByte(at + 1) & 0xFF;
            if (size < 0 || size > maxMessageLength - total || at + headerLength + size > end)
            {
                return 0;
            }
            ensureFrames(count + 1);
            frameOffsets[count] = at + headerLength;
            frameLengths[count] = (int)size;
            count++;
            total += size;
            at += headerLength + (int)size;
            if ((flags & FLAG_MORE) == 0)
            {
                break;
            }
        }
        viewBuffer = src;
        viewCount = count;
        viewLength = (int)total;
        return sink.onMessage(this) ? at - start : STALLED;
    }

    private void ensureFrames(final int needed)
    {
        if (needed > frameOffsets.length)
        {
            frameOffsets = java.util.Arrays.copyOf(frameOffsets, needed * 2);
            frameLengths = java.util.Arrays.copyOf(frameLengths, needed * 2);
        }
    }

    private void showAssembly()
    {
        viewBuffer = assembly;
        viewCount = frameCount;
        viewLength = assemblyLength;
    }

    /**
     * @return true when part of a frame or of a multipart message has arrived and the rest has not.
     */
    public boolean isMidMessage()
    {
        return headerFilled > 0 || bodyRemaining >= 0 || frameCount > 0;
    }

    /**
     * @return why the stream was found malformed, or null.
     */
    public String error()
    {
        return error;
    }

    private int readHeader(final DirectBuffer src, final int offset, final int available)
    {
        int used = 0;
        if (0 == headerFilled)
        {
            header[0] = src.getByte(offset);
            headerFilled = 1;
            used = 1;
        }
        final int needed = ((header[0] & FLAG_LONG) != 0 ? 9 : 2) - headerFilled;
        final int n = Math.min(needed, available - used);
        src.getBytes(offset + used, header, headerFilled, n);
        headerFilled += n;
        used += n;
        if (n == needed)
        {
            if (!startFrame())
            {
                return -1;
            }
        }
        return used;
    }

    private boolean startFrame()
    {
        final int flags = header[0] & 0xFF;
        long size;
        if ((flags & FLAG_LONG) != 0)
        {
            size = 0;
            for (int i = 1; i < 9; i++)
            {
                size = (size << 8) | (header[i] & 0xFF);
            }
        }
        else
        {
            size = header[1] & 0xFF;
        }
        headerFilled = 0;
        command = (flags & FLAG_COMMAND) != 0;
        more = (flags & FLAG_MORE) != 0;
        if (command && frameCount > 0)
        {
            error = "command frame inside a multipart message";
            return false;
        }
        if (size < 0 || size > maxMessageLength - assemblyLength)
        {
            error = "frame of " + Long.toUnsignedString(size) + " bytes exceeds the maximum message size of " +
                maxMessageLength + " bytes";
            return false;
        }
        ensureFrames(frameCount + 1);
        frameOffsets[frameCount] = assemblyLength;
        frameLengths[frameCount] = (int)size;
        assembly.checkLimit(assemblyLength + (int)size);
        bodyRemaining = size;
        return true;
    }

    private boolean completeFrame(final FrameSink sink)
    {
        bodyRemaining = -1;
        frameCount++;
        if (command)
        {
            return completeCommand(sink);
        }
        if (more)
        {
            return true;
        }
        showAssembly();
        if (sink.onMessage(this))
        {
            resetMessage();
        }
        else
        {
            pending = true;
        }
        return true;
    }

    private boolean completeCommand(final FrameSink sink)
    {
        final int length = frameLengths[0];
        final int nameLength = length > 0 ? assembly.getByte(0) & 0xFF : 0;
        if (0 == nameLength || nameLength + 1 > length)
        {
            error = "malformed command frame";
            return false;
        }
        final String name = assembly.getStringWithoutLengthAscii(1, nameLength);
        final String reason = sink.onCommand(name, assembly, 1 + nameLength, length - 1 - nameLength);
        resetMessage();
        if (null != reason)
        {
            error = reason;
            return false;
        }
        return true;
    }

    private void resetMessage()
    {
        frameCount = 0;
        assemblyLength = 0;
    }

    @Override
    public int count()
    {
        return viewCount;
    }

    @Override
    public DirectBuffer buffer()
    {
        return viewBuffer;
    }

    @Override
    public int offset(final int frame)
    {
        return frameOffsets[frame];
    }

    @Override
    public int length(final int frame)
    {
        return frameLengths[frame];
    }

    @Override
    public int totalLength()
    {
        return viewLength;
    }

    /**
     * Reads a big-endian 16-bit value, as used by PING's TTL.
     *
     * @param buffer source.
     * @param index  where.
     * @return the value.
     */
    public static int uint16(final DirectBuffer buffer, final int index)
    {
        return buffer.getShort(index, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}
