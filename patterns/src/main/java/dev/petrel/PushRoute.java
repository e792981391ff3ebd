package dev.petrel;

import java.util.Map;

import dev.petrel.patterns.Envelope;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

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
    public void encode(
        final OutboundFrames frames, final ExpandableArrayBuffer scratch, final long sequence,
        final long timestampNs, final DirectBuffer record, final int length)
    {
        frames.reset();
        final int metaLength = Envelope.encode(scratch, 0, timestampNs, 0, sequence, null, 0, Map.of());
        frames.add(scratch, 0, metaLength).add(record, 0, length);
    }
}
