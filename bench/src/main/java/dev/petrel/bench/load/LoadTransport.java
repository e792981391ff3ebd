/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport a workload runs over, where its binding sockets bind on loopback, and whether both sides must share
 * one node (inproc pipes and Aeron IPC only reach sockets of the same node).
 */
public enum LoadTransport
{
    /** ZMTP over TCP on 127.0.0.1, between two nodes. */
    TCP("tcp", false),

    /** Aeron UDP unicast on 127.0.0.1, between two nodes, each with its embedded media driver. */
    AERON_UDP("aeron-udp", false),

    /** Aeron shared-memory IPC, within one node and its embedded media driver. */
    AERON_IPC("aeron-ipc", true),

    /** In-process pipes, within one node. */
    INPROC("inproc", true);

    private static final AtomicInteger NEXT_ID = new AtomicInteger(4000 + (int)(ProcessHandle.current().pid() % 1000));

    private final String label;
    private final boolean singleNode;

    LoadTransport(final String label, final boolean singleNode)
    {
        this.label = label;
        this.singleNode = singleNode;
    }

    /**
     * @return the name used on the command line and in reports.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return whether senders and receivers must live on one node.
     */
    public boolean singleNode()
    {
        return singleNode;
    }

    /**
     * @return a loopback endpoint to bind that no other socket of this process uses (ephemeral port, own stream).
     */
    public String bindEndpoint()
    {
        final int id = NEXT_ID.incrementAndGet();
        return switch (this)
        {
            case TCP -> "tcp://127.0.0.1:0";
            case AERON_UDP -> "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort();
            case AERON_IPC -> "aeron:ipc?stream-id=" + id;
            case INPROC -> "inproc://petrel-bench-" + id;
        };
    }

    private static int freeUdpPort()
    {
        // A node refuses a second "port 0" Aeron binding, so each binding gets a concrete free port.
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final SocketException ex)
        {
            throw new LoadFailedException("no free UDP port on 127.0.0.1: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param name a label such as {@code aeron-udp}, in any case.
     * @return the transport.
     * @throws IllegalArgumentException when no transport has that label.
     */
    public static LoadTransport fromLabel(final String name)
    {
        final String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (final LoadTransport transport : values())
        {
            if (transport.label.equals(wanted))
            {
                return transport;
            }
        }
        throw new IllegalArgumentException(
            "unknown transport '" + name + "' (tcp, aeron-udp, aeron-ipc, inproc)");
    }
}
