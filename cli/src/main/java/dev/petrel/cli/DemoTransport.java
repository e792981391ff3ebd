/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

/**
 * A transport the demo measures, and the endpoint its receiving socket binds to.
 */
enum DemoTransport
{
    /** ZMTP over loopback TCP, between two nodes (two I/O threads). */
    TCP("tcp", false),

    /** In-process pipes, within one node. */
    INPROC("inproc", true);

    private final String label;
    private final boolean singleNode;

    DemoTransport(final String label, final boolean singleNode)
    {
        this.label = label;
        this.singleNode = singleNode;
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
     * @param name distinguishes the runs.
     * @return where the receiving socket binds.
     */
    String bindEndpoint(final String name)
    {
        return singleNode ? "inproc://petrel-demo-" + name : "tcp://127.0.0.1:0";
    }
}
