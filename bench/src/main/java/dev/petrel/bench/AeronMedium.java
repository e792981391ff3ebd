package dev.petrel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The Aeron media the Aeron rows run over, with the endpoints Petrel binds and the channels raw Aeron uses for the
 * same thing (Petrel's default term lengths: 4 MiB for UDP, 1 MiB for IPC).
 */
public enum AeronMedium
{
    /** UDP unicast on 127.0.0.1. */
    UDP("Aeron UDP"),
    /** Shared-memory IPC. */
    IPC("Aeron IPC");

    private final String label;

    AeronMedium(final String label)
    {
        this.label = label;
    }

    /**
     * @return the name printed in the tables.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return a fresh endpoint for a Petrel socket to bind: a free UDP port or an unused IPC stream id.
     */
    public String petrelEndpoint()
    {
        return UDP == this ? "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort() : AeronProbe.ipcEndpoint();
    }

    /**
     * @return a fresh channel for a raw Aeron publication and subscription.
     */
    public String rawChannel()
    {
        return UDP == this ? "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort() + "|term-length=4m" :
            "aeron:ipc?term-length=1m";
    }

    private static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
