package dev.petrel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Physical reference for TCP round trips: plain JDK non-blocking socket channels on 127.0.0.1 (TCP_NODELAY) echoing
 * a 64-byte message between the calling thread and an echo thread. With {@code selector} both sides wait for bytes
 * in {@link Selector#select(long)}, as an NIO event loop does; otherwise both spin on {@code read} returning 0
 * (yielding once every 1,024 empty reads, so two spinning threads survive a shared machine).
 */
public final class SocketPingPongReference implements RoundTripTrial
{
    private static final long SELECT_MS = 100;

    private final boolean selector;
    private final ByteBuffer ping;
    private final ByteBuffer pong;
    private final SocketChannel client;
    private final SocketChannel server;
    private final Selector clientSelector;
    private final Thread echo;
    private volatile boolean running = true;

    /**
     * Connects the two channels and starts the echo thread.
     *
     * @param messageLength bytes per message.
     * @param selector      true to wait in a selector, false to busy-poll.
     */
    public SocketPingPongReference(final int messageLength, final boolean selector)
    {
        this.selector = selector;
        ping = ByteBuffer.allocateDirect(messageLength).put(TrialSupport.filled(messageLength));
        pong = ByteBuffer.allocateDirect(messageLength);
        try (ServerSocketChannel listener = ServerSocketChannel.open())
        {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            client = SocketChannel.open(listener.getLocalAddress());
            server = listener.accept();
            configure(client);
            configure(server);
            clientSelector = register(client);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        echo = new Thread(this::echo, "socket-echo");
        echo.setDaemon(true);
        echo.start();
    }

    private static void configure(final SocketChannel channel) throws IOException
    {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
    }

    private Selector register(final SocketChannel channel) throws IOException
    {
        if (!selector)
        {
            return null;
        }
        final Selector opened = Selector.open();
        channel.register(opened, SelectionKey.OP_READ);
        return opened;
    }

    private void echo()
    {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(ping.capacity());
        try (Selector echoSelector = register(server))
        {
            while (running)
            {
                buffer.clear();
                if (!readFully(server, echoSelector, buffer, System.nanoTime() + TimeUnit.HOURS.toNanos(1)))
                {
                    continue;
                }
                buffer.flip();
                writeFully(server, buffer);
            }
        }
        catch (final IOException ex)
        {
            running = false;
        }
    }

    /**
     * @return false when the deadline passed or the echo thread was stopped before the buffer filled.
     */
    private boolean readFully(
        final SocketChannel channel, final Selector waitOn, final ByteBuffer buffer, final long deadlineNs)
        throws IOException
    {
        int spins = 0;
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer) < 0)
            {
                throw new IOException("peer closed");
            }
            if (!buffer.hasRemaining())
            {
                return true;
            }
            if (!running || System.nanoTime() - deadlineNs > 0)
            {
                return buffer.position() > 0 && readRest(channel, buffer);
            }
            if (null != waitOn)
            {
                waitOn.select(SELECT_MS);
                waitOn.selectedKeys().clear();
            }
            else if (0 == ++spins % MessageSender.CLOCK_CHECK_INTERVAL)
            {
                Thread.yield();
            }
            else
            {
                Thread.onSpinWait();
            }
        }
        return true;
    }

    private static boolean readRest(final SocketChannel channel, final ByteBuffer buffer) throws IOException
    {
        final long giveUpNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (buffer.hasRemaining() && System.nanoTime() - giveUpNs < 0)
        {
            channel.read(buffer);
        }
        return !buffer.hasRemaining();
    }

    private static void writeFully(final SocketChannel channel, final ByteBuffer buffer) throws IOException
    {
        while (buffer.hasRemaining())
        {
            channel.write(buffer);
        }
    }

    @Override
    public boolean roundTrip(final long deadlineNs)
    {
        try
        {
            ping.clear();
            writeFully(client, ping);
            pong.clear();
            return readFully(client, clientSelector, pong, deadlineNs);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close()
    {
        running = false;
        try
        {
            echo.join(TimeUnit.SECONDS.toMillis(5));
            if (null != clientSelector)
            {
                clientSelector.close();
            }
            client.close();
            server.close();
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
