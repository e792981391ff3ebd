/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Sends every payload of a {@link PayloadSource}, paced by a {@link RatePacer}, showing {@link Progress} on a
 * terminal. Runs on the calling thread.
 */
final class SendLoop
{
    private final PayloadSource payloads;
    private final RatePacer pacer;
    private final Progress progress;

    /**
     * @param payloads  what to send.
     * @param perSecond the rate, or 0 for as fast as possible.
     * @param err       where progress goes.
     */
    SendLoop(final PayloadSource payloads, final long perSecond, final PrintWriter err)
    {
        this.payloads = payloads;
        this.pacer = new RatePacer(perSecond);
        this.progress = new Progress(err, "sent");
    }

    /**
     * @param sender sends one payload.
     * @return how many payloads were sent.
     */
    long run(final Consumer<byte[]> sender)
    {
        long sent = 0;
        byte[] payload;
        while (null != (payload = payloads.next()))
        {
            pacer.awaitNext();
            sender.accept(payload);
            progress.update(++sent);
        }
        progress.finish();
        return sent;
    }
}
