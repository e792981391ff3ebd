package dev.petrel;

import java.util.Map;

import dev.petrel.patterns.Envelope;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import dev.petrel.transport.zmtp.ZmtpFrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The route of a durable pusher: every durable puller may take every record, which travels as an envelope frame
 * with the sequence and the record itself as the payload frame.
 */
final class PushRoute implements DeliveryRoute
{
    static final PushRoute INSTANCE = new PushRoute();

    private PushRoute()
    {
    }

    @Override
    public byte verdict(final Pipe pipe, final long sequence, final DirectBuffer record, final int length)
    {
        return SEND;
    }

    @Override
    public boolean sendsEverything()
    {
        return true;
    }

    @Override
    public void encode(
        final OutboundFrames frames, final ExpandableArrayBuffer scratch, final long sequence,
        final long timestampNs, final DirectBuffer record, final int length)
    {
        frames.reset();
        final int metaLength = Envelope.encode(scratch, 0, timestampNs, 0, sequence, null, 0, Map.of());
        frames.add(scratch, 0, metaLength).add(record, 0, length);
    }

    /**
     * Encodes the message that carries a record straight into a buffer, as {@link #encode} and then
     * {@link Pipe#encode} would, with no frame list between them and the envelope written in place.
     *
     * @param dst         where the message goes.
     * @param index       where it starts.
     * @param capacity    the room there.
     * @param sequence    the record's sequence.
     * @param timestampNs its append timestamp.
     * @param record      holding the record.
     * @param offset      where the record starts.
     * @param length      the record's length.
     * @return the message's length, or -1 when it does not fit, with nothing written.
     */
    int encodeInto(
        final MutableDirectBuffer dst, final int index, final int capacity, final long sequence,
        final long timestampNs, final DirectBuffer record, final int offset, final int length)
    {
        final int metaLength = Envelope.plainLength(0, sequence);
        final long encodedLength = Pipe.encodedLength(metaLength, length);
        if (encodedLength > capacity)
        {
            return -1;
        }
        int at = index + ZmtpFrameHeader.write(dst, index, metaLength, true, false);
        at += Envelope.encode(dst, at, timestampNs, 0, sequence, null, 0, Map.of());
        at += ZmtpFrameHeader.write(dst, at, length, false, false);
        dst.putBytes(at, record, offset, length);
        return (int)encodedLength;
    }
}
