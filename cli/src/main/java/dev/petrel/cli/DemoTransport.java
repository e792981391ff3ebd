/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;

/**
 * A transport the demo measures, and the endpoint its receiving socket binds to.
 */
enum DemoTransport
{
    /** ZMTP over loopback TCP, between two nodes (two I/O threads). */
    TCP("tcp", false, false),

    /** In-process pipes, within one node. */
    INPROC("inproc", true, false),

    /** Aeron shared-memory IPC, within one node and its embedded media driver. */
    AERON_IPC("aeron-ipc", true, true),

    /** Aeron UDP unicast over loopback, between two nodes, each with its embedded media driver. */
    AERON_UDP("aeron-udp", false, true);

    private final String label;
    private final boolean singleNode;
    private final boolean aeron;

    DemoTransport(final String label, final boolean singleNode, final boolean aeron)
    {
        this.label = label;
        this.singleNode = singleNode;
        this.aeron = aeron;
    }

    /**
     * @return the name shown in the table.
     */
    String label()
    {
        return label;
    }

    /**
     * @return whether both sockets must live on one node.
     */
    boolean singleNode()
    {
        return singleNode;
    }

    /**
     * @return whether a failure shows as "unavailable" in the table rather than failing the demo: Aeron needs a
     *         media driver and shared memory the machine may not offer.
     */
    boolean optional()
    {
        return aeron;
    }

    /**
     * @param name distinguishes the runs.
     * @return where the receiving socket binds.
     */
    String bindEndpoint(final String name)
    {
        return switch (this)
        {
            case TCP -> "tcp://127.0.0.1:0";
            case INPROC -> "inproc://petrel-demo-" + name;
            case AERON_IPC -> "aeron:ipc";
            case AERON_UDP -> "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort();
        };
    }

    private static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final SocketException ex)
        {
            throw new UncheckedIOException("no free UDP port on loopback", ex);
        }
    }
}
