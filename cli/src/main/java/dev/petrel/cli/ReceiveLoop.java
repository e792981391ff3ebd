/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.util.function.Consumer;

import dev.petrel.Message;

/**
 * Receives and prints messages until a count is reached, or fails when none arrives within a timeout. Without a
 * timeout it waits as long as it takes; without a count it runs until stopped. Runs on the calling thread.
 */
final class ReceiveLoop
{
    private static final Duration SLICE = Duration.ofSeconds(1);

    /**
     * Blocks for the next message.
     */
    @FunctionalInterface
    interface Receiver
    {
        /**
         * @param timeout how long to wait.
         * @return the message, or null when none came in time.
         */
        Message receive(Duration timeout);
    }

    private final Receiver receiver;
    private final MessagePrinter printer;
    private final Consumer<Message> afterPrint;

    /**
     * @param receiver where messages come from.
     * @param printer  prints each.
     */
    ReceiveLoop(final Receiver receiver, final MessagePrinter printer)
    {
        this(receiver, printer, message -> { });
    }

    /**
     * @param receiver   where messages come from.
     * @param printer    prints each.
     * @param afterPrint called with each message once it is printed and flushed (to acknowledge it).
     */
    ReceiveLoop(final Receiver receiver, final MessagePrinter printer, final Consumer<Message> afterPrint)
    {
        this.receiver = receiver;
        this.printer = printer;
        this.afterPrint = afterPrint;
    }

    /**
     * @param count   how many messages to receive before returning.
     * @param timeout most time to wait for each message, or null to wait without limit.
     * @throws CommandFailedException when the timeout passes with no message.
     */
    void run(final long count, final Duration timeout)
    {
        long received = 0;
        while (received < count)
        {
            final Message message = null == timeout ? receiver.receive(SLICE) : receiver.receive(timeout);
            if (null != message)
            {
                printer.print(++received, message);
                afterPrint.accept(message);
            }
            else if (null != timeout)
            {
                throw new CommandFailedException("no message within " + DurationConverter.format(timeout) +
                    (received > 0 ? " after message " + received : "") +
                    (count < Long.MAX_VALUE ? " (" + received + " of " + count + " received)" : ""));
            }
        }
    }
}
