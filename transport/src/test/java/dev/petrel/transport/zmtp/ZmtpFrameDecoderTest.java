package dev.petrel.transport.zmtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ZmtpFrameDecoderTest
{
    private final List<List<String>> messages = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private boolean accept = true;

    private final FrameSink sink = new FrameSink()
    {
        public boolean onMessage(final InboundFrames frames)
        {
            if (!accept)
            {
                return false;
            }
            final List<String> parts = new ArrayList<>();
            for (int i = 0; i < frames.count(); i++)
            {
                parts.add(frames.buffer().getStringWithoutLengthUtf8(frames.offset(i), frames.length(i)));
            }
            messages.add(parts);
            return true;
        }

        public String onCommand(final String name, final DirectBuffer buffer, final int offset, final int length)
        {
            commands.add(name + ":" + buffer.getStringWithoutLengthAscii(offset, length));
            return null;
        }
    };

    private static int frame(final ExpandableArrayBuffer dst, final int at, final String body, final int flags)
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int index = at + ZmtpFrameHeader.write(dst, at, bytes.length, (flags & 1) != 0, (flags & 4) != 0);
        dst.putBytes(index, bytes);
        return index + bytes.length;
    }

    @Test
    void shouldDecodeMessagesSplitAtEveryByteBoundary()
    {
        final ExpandableArrayBuffer wire = new ExpandableArrayBuffer();
        int length = frame(wire, 0, "topic", 1);
        length = frame(wire, length, "x".repeat(300), 0);
        final byte[] ping = { 4, 'P', 'I', 'N', 'G', 0, 10 };
        length = frame(wire, length, new String(ping, StandardCharsets.ISO_8859_1), 4);
        length = frame(wire, length, "", 0);
        for (int split = 0; split <= length; split++)
        {
            messages.clear();
            commands.clear();
            final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(1024);
            assertEquals(split, decoder.decode(wire, 0, split, sink));
            assertEquals(length - split, decoder.decode(wire, split, length - split, sink));
            assertEquals(List.of(List.of("topic", "x".repeat(300)), List.of("")), messages, "split at " + split);
            assertEquals(1, commands.size());
        }
    }

    @Test
    void shouldRefuseAFrameLargerThanTheLimitBeforeAllocating()
    {
        final UnsafeBuffer wire = new UnsafeBuffer(new byte[9]);
        wire.putByte(0, (byte)ZmtpDescriptor.FLAG_LONG);
        wire.putLong(1, 1L << 40, java.nio.ByteOrder.BIG_ENDIAN);
        final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(16 * 1024 * 1024);
        assertEquals(ZmtpFrameDecoder.MALFORMED, decoder.decode(wire, 0, 9, sink));
        assertTrue(decoder.error().contains("exceeds the maximum message size"), decoder.error());
    }

    @Test
    void shouldRefuseAFrameWithTheTopBitOfItsSizeSet()
    {
        final UnsafeBuffer wire = new UnsafeBuffer(new byte[9]);
        wire.putByte(0, (byte)ZmtpDescriptor.FLAG_LONG);
        wire.putLong(1, -1L, java.nio.ByteOrder.BIG_ENDIAN);
        final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(Long.MAX_VALUE);
        assertEquals(ZmtpFrameDecoder.MALFORMED, decoder.decode(wire, 0, 9, sink));
    }

    @Test
    void shouldCountEveryFrameOfAMessageAgainstTheLimit()
    {
        final ExpandableArrayBuffer wire = new ExpandableArrayBuffer();
        int length = frame(wire, 0, "a".repeat(60), 1);
        length = frame(wire, length, "b".repeat(60), 0);
        final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(100);
        assertEquals(ZmtpFrameDecoder.MALFORMED, decoder.decode(wire, 0, length, sink));
        assertTrue(messages.isEmpty());
    }

    @Test
    void shouldStopAtARefusedWholeMessageAndOfferItAgainFromTheSameBytes()
    {
        final ExpandableArrayBuffer wire = new ExpandableArrayBuffer();
        int length = frame(wire, 0, "one", 0);
        length = frame(wire, length, "two", 0);
        final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(100);
        accept = false;
        assertEquals(0, decoder.decode(wire, 0, length, sink));
        assertTrue(decoder.hasPending());
        assertTrue(decoder.retryPending(sink));
        accept = true;
        assertEquals(length, decoder.decode(wire, 0, length, sink));
        assertEquals(List.of(List.of("one"), List.of("two")), messages);
    }

    @Test
    void shouldHoldARefusedAssembledMessageUntilTheSinkTakesIt()
    {
        final ExpandableArrayBuffer wire = new ExpandableArrayBuffer();
        final int length = frame(wire, 0, "split", 0);
        final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(100);
        accept = false;
        assertEquals(3, decoder.decode(wire, 0, 3, sink));
        assertEquals(length - 3, decoder.decode(wire, 3, length - 3, sink));
        assertTrue(decoder.hasPending());
        assertFalse(decoder.retryPending(sink));
        accept = true;
        assertTrue(decoder.retryPending(sink));
        assertFalse(decoder.hasPending());
        assertEquals(List.of(List.of("split")), messages);
    }

    @Test
    void shouldRejectACommandInsideAMultipartMessage()
    {
        final ExpandableArrayBuffer wire = new ExpandableArrayBuffer();
        int length = frame(wire, 0, "part", 1);
        length = frame(wire, length, "\u0004PING\u0000\u0000", 4);
        final ZmtpFrameDecoder decoder = new ZmtpFrameDecoder(100);
        assertEquals(ZmtpFrameDecoder.MALFORMED, decoder.decode(wire, 0, length, sink));
    }
}
