/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import org.agrona.DirectBuffer;

/**
 * Sends one demo payload through the sending side of a pattern.
 */
@FunctionalInterface
interface DemoSender
{
    /**
     * @param payload the payload, time stamp first; valid only during the call.
     * @param length  its length in bytes.
     */
    void send(DirectBuffer payload, int length);
}
