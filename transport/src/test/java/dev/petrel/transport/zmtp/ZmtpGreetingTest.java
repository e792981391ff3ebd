package dev.petrel.transport.zmtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ZmtpGreetingTest
{
    @Test
    void shouldWriteTheGreetingJeroMqExpects()
    {
        final ByteBuffer buffer = ByteBuffer.allocate(64);
        ZmtpGreeting.write(buffer, false);
        assertEquals(64, buffer.position());
        assertEquals((byte)0xFF, buffer.get(0));
        assertEquals(0x7F, buffer.get(9));
        assertEquals(3, buffer.get(10));
        assertEquals(1, buffer.get(11));
        assertEquals("NULL", new String(buffer.array(), 12, 4, StandardCharsets.US_ASCII));
        assertNull(ZmtpGreeting.check(buffer));
    }

    @Test
    void shouldAcceptAZmtp30GreetingWithLengthPadding()
    {
        final ByteBuffer buffer = ByteBuffer.allocate(64);
        ZmtpGreeting.write(buffer, false);
        buffer.put(8, (byte)5);
        buffer.put(11, (byte)0);
        assertNull(ZmtpGreeting.check(buffer));
        assertEquals(0, ZmtpGreeting.minorVersion(buffer));
    }

    @Test
    void shouldRefuseGarbageAndOtherMechanisms()
    {
        final ByteBuffer http = ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        assertNotNull(ZmtpGreeting.checkPrefix(http, http.remaining()));
        final ByteBuffer plain = ByteBuffer.allocate(64);
        ZmtpGreeting.write(plain, false);
        plain.put(12, (byte)'P').put(13, (byte)'L').put(14, (byte)'A').put(15, (byte)'I').put(16, (byte)'N');
        assertTrue(ZmtpGreeting.check(plain).contains("PLAIN"));
        final ByteBuffer zeros = ByteBuffer.allocate(64);
        assertNotNull(ZmtpGreeting.check(zeros));
    }

    @Test
    void shouldRoundTripMetadataWithCaseInsensitiveNames()
    {
        final Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Socket-Type", "DEALER");
        properties.put("Identity", "");
        final byte[] bytes = ZmtpMetadata.encode(properties);
        final Map<String, String> decoded = ZmtpMetadata.decode(new UnsafeBuffer(bytes), 0, bytes.length);
        assertEquals("DEALER", decoded.get("socket-type"));
        assertEquals("", decoded.get("IDENTITY"));
        assertThrows(IllegalArgumentException.class,
            () -> ZmtpMetadata.decode(new UnsafeBuffer(bytes), 0, bytes.length - 1));
    }

    @Test
    void shouldCheckSocketTypePairs()
    {
        assertTrue(ZmtpSocketType.PUSH.isCompatibleWith(ZmtpSocketType.PULL));
        assertFalse(ZmtpSocketType.PUSH.isCompatibleWith(ZmtpSocketType.PUSH));
        assertTrue(ZmtpSocketType.DEALER.isCompatibleWith(ZmtpSocketType.REP));
        assertTrue(ZmtpSocketType.ROUTER.isCompatibleWith(ZmtpSocketType.REQ));
        assertFalse(ZmtpSocketType.SUB.isCompatibleWith(ZmtpSocketType.PUSH));
        assertEquals(ZmtpSocketType.XPUB, ZmtpSocketType.parse("xpub"));
        assertNull(ZmtpSocketType.parse("BOGUS"));
    }
}
