/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import dev.petrel.Node;

/**
 * A messaging pattern the demo measures: it sets up a receiving socket on one node and a sending socket on
 * another (or the same, for inproc), connected through an endpoint.
 */
interface DemoPattern
{
    /**
     * @return the name shown in the table, e.g. {@code pub/sub}.
     */
    String label();

    /**
     * Creates and connects the sockets, returning once the sender can send without losing messages.
     *
     * @param receiving the node of the receiving socket, which binds.
     * @param sending   the node of the sending socket, which connects.
     * @param endpoint  where to bind.
     * @param recorder  gets every message that arrives.
     * @return sends one message.
     */
    DemoSender open(Node receiving, Node sending, String endpoint, LatencyRecorder recorder);
}
