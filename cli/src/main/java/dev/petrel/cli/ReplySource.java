/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import dev.petrel.Message;
import dev.petrel.ReplyChannel;

/**
 * How {@code petrel reply} answers a request: echo it, send fixed text, or run a command. Called on the node's
 * I/O thread, so it must not block: slow work replies later, from another thread, through the channel.
 */
@FunctionalInterface
interface ReplySource extends AutoCloseable
{
    /**
     * @param number  the request's number in this run, from 1.
     * @param request the request.
     * @param channel where the reply goes; used exactly once.
     */
    void answer(long number, Message request, ReplyChannel channel);

    /**
     * Stops any work still running; requests not yet answered get no reply.
     */
    @Override
    default void close()
    {
    }
}
