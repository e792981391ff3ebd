/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback TCP ports for tests.
 */
final class LoopbackPorts
{
    private LoopbackPorts()
    {
    }

    /**
     * @return a port nothing listens on (it was free a moment ago).
     * @throws IOException when no port could be had.
     */
    static int closed() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
