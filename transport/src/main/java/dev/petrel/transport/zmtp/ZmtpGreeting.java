package dev.petrel.transport.zmtp;

import java.nio.ByteBuffer;

import static dev.petrel.transport.zmtp.ZmtpDescriptor.*;

/**
 * Writes and checks the 64-byte ZMTP 3.x greeting. Peers send theirs in stages (JeroMQ, libzmq) or at once; only
 * the first bytes are checked early and the complete 64 bytes at the end, so either way is read the same.
 */
public final class ZmtpGreeting
{
    /** Length of the signature that opens a greeting: 0xFF, padding, 0x7F. */
    public static final int SIGNATURE_LENGTH = 10;

    private ZmtpGreeting()
    {
    }

    /**
     * Writes Petrel's greeting (ZMTP 3.1, NULL mechanism) at the buffer's position.
     *
     * @param buffer   the destination with at least 64 bytes remaining.
     * @param asServer the as-server flag.
     */
    public static void write(final ByteBuffer buffer, final boolean asServer)
    {
        final int start = buffer.position();
        buffer.put((byte)0xFF);
        for (int i = 0; i < 7; i++)
        {
            buffer.put((byte)0);
        }
        buffer.put((byte)1);
        buffer.put((byte)0x7F);
        buffer.put((byte)MAJOR_VERSION);
        buffer.put((byte)MINOR_VERSION);
        buffer.put(MECHANISM_NULL);
        for (int i = MECHANISM_NULL.length; i < MECHANISM_LENGTH; i++)
        {
            buffer.put((byte)0);
        }
        buffer.put((byte)(asServer ? 1 : 0));
        while (buffer.position() - start < GREETING_LENGTH)
        {
            buffer.put((byte)0);
        }
    }

    /**
     * Checks the first bytes of a peer's greeting as soon as they arrive, so garbage is refused early.
     *
     * @param buffer    the bytes received so far, from index 0.
     * @param available how many bytes have arrived.
     * @return null when nothing is wrong so far, otherwise a one-line reason.
     */
    public static String checkPrefix(final ByteBuffer buffer, final int available)
    {
        if (available >= 1 && (buffer.get(0) & 0xFF) != 0xFF)
        {
            return "bad greeting signature: first byte is 0x" + Integer.toHexString(buffer.get(0) & 0xFF) +
                ", not 0xff (not a ZMTP 3 peer)";
        }
        if (available >= 10 && (buffer.get(9) & 0x01) == 0)
        {
            return "bad greeting signature: byte 9 lacks bit 0";
        }
        if (available > MAJOR_VERSION_OFFSET && (buffer.get(MAJOR_VERSION_OFFSET) & 0xFF) < MAJOR_VERSION)
        {
            return "unsupported ZMTP major version " + (buffer.get(MAJOR_VERSION_OFFSET) & 0xFF);
        }
        return null;
    }

    /**
     * Checks a complete peer greeting.
     *
     * @param buffer the 64 greeting bytes, from index 0.
     * @return null when acceptable, otherwise a one-line reason.
     */
    public static String check(final ByteBuffer buffer)
    {
        final String prefix = checkPrefix(buffer, GREETING_LENGTH);
        if (null != prefix)
        {
            return prefix;
        }
        for (int i = 0; i < MECHANISM_LENGTH; i++)
        {
            final byte expected = i < MECHANISM_NULL.length ? MECHANISM_NULL[i] : 0;
            if (buffer.get(MECHANISM_OFFSET + i) != expected)
            {
                return "unsupported security mechanism '" + mechanismName(buffer) + "' (Petrel speaks NULL)";
            }
        }
        return null;
    }

    /**
     * @param buffer a complete greeting.
     * @return the peer's minor version (0 for ZMTP 3.0, 1 for 3.1).
     */
    public static int minorVersion(final ByteBuffer buffer)
    {
        return buffer.get(MINOR_VERSION_OFFSET) & 0xFF;
    }

    private static String mechanismName(final ByteBuffer buffer)
    {
        final StringBuilder name = new StringBuilder();
        for (int i = 0; i < MECHANISM_LENGTH; i++)
        {
            final int c = buffer.get(MECHANISM_OFFSET + i) & 0xFF;
            if (0 == c)
            {
                break;
            }
            name.append(c >= 32 && c < 127 ? (char)c : '?');
        }
        return name.toString();
    }
}
