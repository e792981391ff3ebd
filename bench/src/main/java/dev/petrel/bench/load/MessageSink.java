/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import org.agrona.DirectBuffer;

/**
 * Sends one stamped payload through one socket; blocks or drops as the socket's back-pressure policy says.
 */
@FunctionalInterface
interface MessageSink
{
    /**
     * @param payload the payload, starting at offset 0.
     * @param length  its length.
     */
    void send(DirectBuffer payload, int length);
}
