package dev.petrel.patterns;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SubjectRecordDescriptorTest
{
    @Test
    void shouldReadBackTheSubjectAndPayloadOfAnEncodedRecord()
    {
        final byte[] subject = "orders.eü.new".getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer payload = new UnsafeBuffer("..payload".getBytes(StandardCharsets.UTF_8));
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(8);

        final int length = SubjectRecordDescriptor.encode(record, subject, payload, 2, payload.capacity() - 2);

        assertEquals(SubjectRecordDescriptor.recordLength(subject.length, 7), length);
        assertTrue(SubjectRecordDescriptor.isSubjectRecord(record, length));
        assertEquals("orders.eü.new", SubjectRecordDescriptor.subject(record, length));
        final int payloadOffset = SubjectRecordDescriptor.payloadOffset(record, length);
        assertEquals("payload", record.getStringWithoutLengthUtf8(payloadOffset, length - payloadOffset));
    }

    @Test
    void shouldRefuseARecordWhoseSubjectDoesNotFit()
    {
        final ExpandableArrayBuffer record = new ExpandableArrayBuffer(16);
        record.putInt(0, 13, ByteOrder.LITTLE_ENDIAN);

        assertFalse(SubjectRecordDescriptor.isSubjectRecord(record, 3));
        assertFalse(SubjectRecordDescriptor.isSubjectRecord(record, 16));
        assertTrue(SubjectRecordDescriptor.isSubjectRecord(record, 17));
        record.putInt(0, -1, ByteOrder.LITTLE_ENDIAN);
        assertThrows(IllegalArgumentException.class, () -> SubjectRecordDescriptor.subject(record, 17));
    }
}
