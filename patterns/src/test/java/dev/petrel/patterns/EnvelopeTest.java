package dev.petrel.patterns;

import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class EnvelopeTest
{
    @Test
    void shouldRoundTripEveryField()
    {
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("trace", "abc");
        headers.put("ünï", "cödé");
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(Envelope.maxLength(3, headers));
        final int length = Envelope.encode(buffer, 0, 123L, 77L, 9L, new int[] { 1, 300, 70000 }, 3, headers);
        assertTrue(length <= Envelope.maxLength(3, headers));
        final Envelope envelope = new Envelope().decode(buffer, 0, length);
        assertEquals(123L, envelope.timestampNs());
        assertEquals(77L, envelope.correlationId());
        assertEquals(9L, envelope.sequence());
        assertEquals(3, envelope.sidCount());
        assertEquals(70000, envelope.sid(2));
        assertEquals(headers, envelope.headers());
    }

    @Test
    void shouldRefuseTruncatedEnvelopes()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = Envelope.encode(buffer, 0, 1L, 2L, 0, null, 0, Map.of("k", "v"));
        for (int cut = 0; cut < length; cut++)
        {
            final int n = cut;
            assertThrows(IllegalArgumentException.class, () -> new Envelope().decode(buffer, 0, n), "cut " + cut);
        }
    }
}
