package dev.petrel.patterns;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Layout of a durable publisher's log record: the subject, then the payload.
 * <pre>
 *   0                   4                          4 + subject length
 *   +-------------------+--------------------------+------------------------+
 *   | subject length    | subject (UTF-8)          | payload (rest)         |
 *   | (int, LE)         |                          |                        |
 *   +-------------------+--------------------------+------------------------+
 * </pre>
 */
public final class SubjectRecordDescriptor
{
    /** Offset of the subject length field. */
    public static final int SUBJECT_LENGTH_OFFSET = 0;
    /** Offset of the subject bytes. */
    public static final int SUBJECT_OFFSET = 4;

    private SubjectRecordDescriptor()
    {
    }

    /**
     * @param subjectLength subject length in bytes.
     * @param payloadLength payload length in bytes.
     * @return the record length.
     */
    public static int recordLength(final int subjectLength, final int payloadLength)
    {
        return SUBJECT_OFFSET + subjectLength + payloadLength;
    }

    /**
     * Writes a record.
     *
     * @param dst     destination, with room for {@link #recordLength(int, int)} bytes.
     * @param subject subject bytes (UTF-8).
     * @param payload holding the payload.
     * @param offset  where the payload starts.
     * @param length  payload length.
     * @return the record length.
     */
    public static int encode(
        final MutableDirectBuffer dst, final byte[] subject, final DirectBuffer payload, final int offset,
        final int length)
    {
        dst.putInt(SUBJECT_LENGTH_OFFSET, subject.length, ByteOrder.LITTLE_ENDIAN);
        dst.putBytes(SUBJECT_OFFSET, subject);
        dst.putBytes(SUBJECT_OFFSET + subject.length, payload, offset, length);
        return recordLength(subject.length, length);
    }

    /**
     * @param record a record starting at 0.
     * @param length the record length.
     * @return true when the record has this layout (a subject length that fits), as a log written by another kind
     *         of sender may not.
     */
    public static boolean isSubjectRecord(final DirectBuffer record, final int length)
    {
        if (length < SUBJECT_OFFSET)
        {
            return false;
        }
        final int subjectLength = record.getInt(SUBJECT_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
        return subjectLength >= 0 && subjectLength <= length - SUBJECT_OFFSET;
    }

    /**
     * @param record a record starting at 0.
     * @param length the record length.
     * @return the subject length.
     * @throws IllegalArgumentException when the subject does not fit the record.
     */
    public static int subjectLength(final DirectBuffer record, final int length)
    {
        if (!isSubjectRecord(record, length))
        {
            throw new IllegalArgumentException("not a subject record");
        }
        return record.getInt(SUBJECT_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param record a record starting at 0.
     * @param length the record length.
     * @return the subject.
     */
    public static String subject(final DirectBuffer record, final int length)
    {
        return record.getStringWithoutLengthUtf8(SUBJECT_OFFSET, subjectLength(record, length));
    }

    /**
     * @param record a record starting at 0.
     * @param length the record length.
     * @return where the payload starts.
     */
    public static int payloadOffset(final DirectBuffer record, final int length)
    {
        return SUBJECT_OFFSET + subjectLength(record, length);
    }
}
