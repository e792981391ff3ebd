package dev.petrel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.petrel.patterns.Envelope;
import dev.petrel.transport.zmtp.InboundFrames;
import org.agrona.DirectBuffer;

/**
 * Turns received frames into {@link Message}s, for Petrel peers (with an envelope frame) and plain ZeroMQ peers.
 */
final class MessageCodec
{
    private MessageCodec()
    {
    }

    static byte[] copy(final InboundFrames frames, final int frame)
    {
        final byte[] bytes = new byte[frames.length(frame)];
        frames.buffer().getBytes(frames.offset(frame), bytes);
        return bytes;
    }

    static String text(final InboundFrames frames, final int frame)
    {
        return frames.buffer().getStringWithoutLengthUtf8(frames.offset(frame), frames.length(frame));
    }

    static Envelope decodeEnvelope(final Envelope envelope, final InboundFrames frames, final int frame)
    {
        final DirectBuffer buffer = frames.buffer();
        return envelope.decode(buffer, frames.offset(frame), frames.length(frame));
    }

    static Message fromEnvelope(
        final String subject, final Envelope envelope, final InboundFrames frames, final int payloadFrame)
    {
        return new Message(subject, copy(frames, payloadFrame), envelope.headers(), envelope.correlationId(),
            envelope.sequence(), envelope.timestampNs());
    }

    /**
     * A plain ZeroMQ message: with {@code subjectFirst} (pub/sub) frame 0 is the subject and frame 1 the payload;
     * otherwise frame 0 is the payload. Messages with more frames than that keep them all in {@link Message#frames()}.
     */
    static Message fromPlain(final InboundFrames frames, final boolean subjectFirst)
    {
        final int count = frames.count();
        if (1 == count && !subjectFirst)
        {
            return new Message("", copy(frames, 0), Map.of(), 0, 0, 0);
        }
        final Message.Builder builder = Message.builder();
        if (subjectFirst && count >= 2)
        {
            builder.subject(text(frames, 0)).payload(copy(frames, 1));
        }
        else
        {
            builder.payload(copy(frames, 0));
        }
        if (count > 2 || (!subjectFirst && count > 1))
        {
            final List<byte[]> all = new ArrayList<>(count);
            for (int i = 0; i < count; i++)
            {
                all.add(copy(frames, i));
            }
            builder.frames(all);
        }
        return builder.build();
    }
}
