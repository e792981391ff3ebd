package dev.petrel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Physical reference for TCP throughput: plain JDK blocking socket channels on 127.0.0.1 carrying messages framed as
 * a 4-byte length and the payload. The calling thread writes 64 KiB buffers of whole messages; a receiving thread
 * reads 256 KiB at a time, walks the frames and counts each message. No library, no copies beyond the kernel's.
 */
public final class TcpStreamReference implements ThroughputTrial
{
    /** Bytes per write. */
    public static final int WRITE_LENGTH = 64 * 1024;
    private static final int READ_LENGTH = 256 * 1024;
    private static final int PREFIX_LENGTH = Integer.BYTES;

    private final ReceiveCounter counter = new ReceiveCounter();
    private final int messageLength;
    private final int messagesPerWrite;
    private final ByteBuffer block;
    private final SocketChannel sender;
    private final SocketChannel receiver;
    private final Thread reader;
    private volatile boolean running = true;

    /**
     * Connects the two channels and starts the receiving thread.
     *
     * @param messageLength payload bytes per message.
     */
    public TcpStreamReference(final int messageLength)
    {
        this.messageLength = messageLength;
        messagesPerWrite = WRITE_LENGTH / (PREFIX_LENGTH + messageLength);
        block = ByteBuffer.allocateDirect(messagesPerWrite * (PREFIX_LENGTH + messageLength));
        final byte[] payload = TrialSupport.filled(messageLength);
        for (int i = 0; i < messagesPerWrite; i++)
        {
            block.putInt(messageLength).put(payload);
        }
        try (ServerSocketChannel server = ServerSocketChannel.open())
        {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            sender = SocketChannel.open(server.getLocalAddress());
            receiver = server.accept();
            sender.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        reader = new Thread(this::read, "tcp-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read()
    {
        final ByteBuffer in = ByteBuffer.allocateDirect(READ_LENGTH);
        try
        {
            while (running && receiver.read(in) >= 0)
            {
                in.flip();
                while (in.remaining() >= PREFIX_LENGTH && in.remaining() >= PREFIX_LENGTH + in.getInt(in.position()))
                {
                    final int length = in.getInt();
                    in.position(in.position() + length);
                    counter.countIf(length == messageLength);
                }
                in.compact();
            }
        }
        catch (final IOException ex)
        {
            running = false;
        }
    }

    @Override
    public Measurement run(final PassPlan plan)
    {
        return counter.measure(plan, this::send);
    }

    private long send(final long messages, final long deadlineNs)
    {
        long sent = 0;
        try
        {
            while (sent < messages && System.nanoTime() - deadlineNs < 0)
            {
                block.clear();
                while (block.hasRemaining())
                {
                    sender.write(block);
                }
                sent += messagesPerWrite;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return sent;
    }

    @Override
    public void close()
    {
        running = false;
        try
        {
            sender.close();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            receiver.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
