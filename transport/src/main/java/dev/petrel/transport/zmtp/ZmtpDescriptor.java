package dev.petrel.transport.zmtp;

import java.nio.charset.StandardCharsets;

/**
 * Byte layout constants of ZMTP 3.x: greeting offsets, frame flags and command names.
 */
public final class ZmtpDescriptor
{
    /** Greeting length in bytes. */
    public static final int GREETING_LENGTH = 64;
    /** Offset of the major version byte in the greeting. */
    public static final int MAJOR_VERSION_OFFSET = 10;
    /** Offset of the minor version byte in the greeting. */
    public static final int MINOR_VERSION_OFFSET = 11;
    /** Offset of the 20-byte mechanism name in the greeting. */
    public static final int MECHANISM_OFFSET = 12;
    /** Length of the mechanism field. */
    public static final int MECHANISM_LENGTH = 20;
    /** Offset of the as-server byte in the greeting. */
    public static final int AS_SERVER_OFFSET = 32;
    /** The major version Petrel speaks. */
    public static final int MAJOR_VERSION = 3;
    /** The minor version Petrel announces. */
    public static final int MINOR_VERSION = 1;

    /** Frame flag: more frames follow in this message. */
    public static final int FLAG_MORE = 0x01;
    /** Frame flag: the size is an 8-byte field. */
    public static final int FLAG_LONG = 0x02;
    /** Frame flag: this frame is a command. */
    public static final int FLAG_COMMAND = 0x04;
    /** Largest body that fits a short frame. */
    public static final int SHORT_FRAME_MAX = 255;

    /** Command name READY. */
    public static final String READY = "READY";
    /** Command name ERROR. */
    public static final String ERROR = "ERROR";
    /** Command name PING. */
    public static final String PING = "PING";
    /** Command name PONG. */
    public static final String PONG = "PONG";
    /** Command name SUBSCRIBE. */
    public static final String SUBSCRIBE = "SUBSCRIBE";
    /** Command name CANCEL. */
    public static final String CANCEL = "CANCEL";

    /** READY property naming the socket type. */
    public static final String PROPERTY_SOCKET_TYPE = "Socket-Type";
    /** READY property naming the peer's identity. */
    public static final String PROPERTY_IDENTITY = "Identity";
    /** READY property by which Petrel peers recognise each other; its value is the Petrel protocol version. */
    public static final String PROPERTY_PETREL = "X-Petrel";
    /** The Petrel protocol version announced in {@link #PROPERTY_PETREL}. */
    public static final String PETREL_PROTOCOL_VERSION = "1";

    /** The NULL mechanism name. */
    public static final byte[] MECHANISM_NULL = "NULL".getBytes(StandardCharsets.US_ASCII);

    private ZmtpDescriptor()
    {
    }
}
