/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;

import dev.petrel.Node;
import dev.petrel.NodeContext;

/**
 * Makes the {@link Node} a command runs on: library defaults, except that closing lingers long enough for a burst
 * of messages to reach a slow peer before the process exits.
 */
final class NodeFactory
{
    /** How long closing waits for queued messages to reach the network. */
    static final Duration LINGER = Duration.ofSeconds(10);

    private NodeFactory()
    {
    }

    /**
     * @return a new node, to be closed by the caller before it exits.
     */
    static Node create()
    {
        return Node.create(new NodeContext().linger(LINGER));
    }
}
