package dev.petrel.test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-driven ZMTP 3.1 peer over a plain {@link Socket} on 127.0.0.1, for feeding a Petrel socket exact bytes,
 * good or bad. Blocking; for one test thread.
 */
public final class RawZmtpPeer implements AutoCloseable
{
    /** Greeting length in bytes. */
    public static final int GREETING_LENGTH = 64;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawZmtpPeer(final Socket socket) throws IOException
    {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a TCP connection to a port on 127.0.0.1; reads time out after two seconds.
     *
     * @param port where the Petrel socket listens.
     * @return the peer, not yet greeted.
     */
    public static RawZmtpPeer connect(final int port)
    {
        try
        {
            final Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(2000);
            socket.setTcpNoDelay(true);
            return new RawZmtpPeer(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Accepts one connection from a Petrel socket that connects to this listener; reads time out after two seconds.
     *
     * @param server a listener on 127.0.0.1 the Petrel socket connects to.
     * @return the peer, not yet greeted.
     */
    public static RawZmtpPeer accept(final ServerSocket server)
    {
        try
        {
            server.setSoTimeout(5000);
            final Socket socket = server.accept();
            socket.setSoTimeout(2000);
            socket.setTcpNoDelay(true);
            return new RawZmtpPeer(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param asServer the as-server byte.
     * @return a ZMTP 3.1 greeting with the NULL mechanism.
     */
    public static byte[] greeting(final boolean asServer)
    {
        final byte[] greeting = new byte[GREETING_LENGTH];
        greeting[0] = (byte)0xFF;
        greeting[8] = 1;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        greeting[11] = 1;
        final byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        greeting[32] = (byte)(asServer ? 1 : 0);
        return greeting;
    }

    /**
     * @param socketType the value of the only property, Socket-Type.
     * @return the whole READY command frame.
     */
    public static byte[] ready(final String socketType)
    {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        final byte[] value = socketType.getBytes(StandardCharsets.US_ASCII);
        data.write(name.length);
        data.writeBytes(name);
        data.writeBytes(new byte[] { 0, 0, 0, (byte)value.length });
        data.writeBytes(value);
        return command("READY", data.toByteArray());
    }

    /**
     * @param name the command name.
     * @param data the command data.
     * @return the whole command frame.
     */
    public static byte[] command(final String name, final byte[] data)
    {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(name.length());
        body.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(data);
        return frame(0x04, body.toByteArray());
    }

    /**
     * @param flags flags without the LONG bit (added when the body needs it).
     * @param body  the frame body.
     * @return the whole frame.
     */
    public static byte[] frame(final int flags, final byte[] body)
    {
        final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        if (body.length > 255)
        {
            frame.write(flags | 0x02);
            frame.writeBytes(longSize(body.length));
        }
        else
        {
            frame.write(flags);
            frame.write(body.length);
        }
        frame.writeBytes(body);
        return frame.toByteArray();
    }

    /**
     * @param size a frame size.
     * @return its 8-byte big-endian form.
     */
    public static byte[] longSize(final long size)
    {
        final byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++)
        {
            bytes[i] = (byte)(size >>> (56 - 8 * i));
        }
        return bytes;
    }

    /**
     * Greets, reads the Petrel greeting and READY, and sends READY.
     *
     * @param socketType the Socket-Type to announce.
     * @return this.
     */
    public RawZmtpPeer handshake(final String socketType)
    {
        write(greeting(false));
        final byte[] theirs = readFully(GREETING_LENGTH);
        if ((theirs[0] & 0xFF) != 0xFF)
        {
            throw new IllegalStateException("peer sent no ZMTP greeting");
        }
        write(ready(socketType));
        final byte[] ready = readFrameBody();
        if (ready.length < 6 || !"READY".equals(new String(ready, 1, 5, StandardCharsets.US_ASCII)))
        {
            throw new IllegalStateException("peer did not answer with READY");
        }
        return this;
    }

    /**
     * Sends one single-frame message.
     *
     * @param body the message.
     * @return this.
     */
    public RawZmtpPeer sendMessage(final byte[] body)
    {
        return write(frame(0, body));
    }

    /**
     * Writes raw bytes.
     *
     * @param bytes what to write.
     * @return this.
     */
    public RawZmtpPeer write(final byte[] bytes)
    {
        try
        {
            out.write(bytes);
            out.flush();
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param length how many bytes to read.
     * @return them.
     */
    public byte[] readFully(final int length)
    {
        try
        {
            final byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the body of the next frame from the peer.
     */
    public byte[] readFrameBody()
    {
        try
        {
            final int flags = in.readUnsignedByte();
            final long size = (flags & 0x02) != 0 ? in.readLong() : in.readUnsignedByte();
            return readFully((int)size);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Reads the next message, skipping commands (such as PING) that come before it.
     *
     * @return the bodies of the message's frames, in order.
     */
    public List<byte[]> readMessage()
    {
        try
        {
            final List<byte[]> frames = new ArrayList<>();
            while (true)
            {
                final int flags = in.readUnsignedByte();
                final long size = (flags & 0x02) != 0 ? in.readLong() : in.readUnsignedByte();
                final byte[] body = readFully((int)size);
                if ((flags & 0x04) != 0)
                {
                    continue;
                }
                frames.add(body);
                if ((flags & 0x01) == 0)
                {
                    return frames;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends one message of several frames.
     *
     * @param frames the frame bodies, in order.
     * @return this.
     */
    public RawZmtpPeer sendFrames(final byte[]... frames)
    {
        final ByteArrayOutputStream message = new ByteArrayOutputStream();
        for (int i = 0; i < frames.length; i++)
        {
            message.writeBytes(frame(i < frames.length - 1 ? 0x01 : 0, frames[i]));
        }
        return write(message.toByteArray());
    }

    /**
     * Reads and discards whatever the peer sends until it closes the connection or the timeout passes.
     *
     * @param timeout how long to wait.
     * @return true when the peer closed (or reset) the connection in time.
     */
    public boolean awaitClosedByPeer(final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final byte[] sink = new byte[4096];
        try
        {
            socket.setSoTimeout(50);
            while (System.nanoTime() - deadline < 0)
            {
                try
                {
                    if (in.read(sink) < 0)
                    {
                        return true;
                    }
                }
                catch (final SocketTimeoutException ex)
                {
                    continue;
                }
            }
            return false;
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    /**
     * Closes the TCP connection.
     */
    @Override
    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
