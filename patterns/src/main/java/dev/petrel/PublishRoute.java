package dev.petrel;

import java.util.Map;

import dev.petrel.patterns.Envelope;
import dev.petrel.patterns.PublisherPeer;
import dev.petrel.patterns.SubjectRecordDescriptor;
import dev.petrel.transport.OutboundFrames;
import dev.petrel.transport.Pipe;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The route of a durable publisher: a durable subscriber wants a record when one of its subscriptions, as the
 * publisher knows them when it dispatches the record, matches the record's subject (see
 * {@link SubjectRecordDescriptor}); a subscriber that has no subscription yet is waited for. A record travels as
 * ZeroMQ pub/sub does, subject frame first, then an envelope frame with the sequence, then the payload; the
 * subscriber matches the subject against its own subscriptions again. Queue groups do not apply to durable
 * subscribers. A record without a subject (a log a durable pusher wrote) is wanted by no one. I/O thread only.
 */
final class PublishRoute implements DeliveryRoute
{
    private long subjectSequence = -1;
    private String subject;

    @Override
    public byte verdict(final Pipe pipe, final long sequence, final DirectBuffer record, final int length)
    {
        final PublisherPeer peer = (PublisherPeer)pipe.attachment();
        if (null == peer || !peer.hasSubscriptions())
        {
            return HOLD;
        }
        if (!SubjectRecordDescriptor.isSubjectRecord(record, length))
        {
            return SKIP;
        }
        return 0 == peer.durableMatcher().match(peer.subscriptions(), subject(sequence, record, length)) ?
            SKIP : SEND;
    }

    @Override
    public void encode(
        final OutboundFrames frames, final ExpandableArrayBuffer scratch, final long sequence,
        final long timestampNs, final DirectBuffer record, final int length)
    {
        final int subjectLength = SubjectRecordDescriptor.subjectLength(record, length);
        final int payloadOffset = SubjectRecordDescriptor.SUBJECT_OFFSET + subjectLength;
        frames.reset();
        frames.add(record, SubjectRecordDescriptor.SUBJECT_OFFSET, subjectLength);
        final int metaLength = Envelope.encode(scratch, 0, timestampNs, 0, sequence, null, 0, Map.of());
        frames.add(scratch, 0, metaLength).add(record, payloadOffset, length - payloadOffset);
    }

    /**
     * The subject of a record, decoded once while the receivers of one record are judged in turn.
     */
    private String subject(final long sequence, final DirectBuffer record, final int length)
    {
        if (sequence != subjectSequence)
        {
            subject = SubjectRecordDescriptor.subject(record, length);
            subjectSequence = sequence;
        }
        return subject;
    }
}
