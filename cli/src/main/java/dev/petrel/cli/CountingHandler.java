/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.AsyncRequestHandler;
import dev.petrel.Message;
import dev.petrel.ReplyChannel;

/**
 * Numbers the requests {@code petrel reply} takes, hands each to its {@link ReplySource}, and counts the replies
 * that go out: once the last of {@code limit} replies has gone it runs the done action. Requests beyond the limit
 * get an error reply. With a log writer, prints one line per reply. Thread-safe: requests come on the I/O thread,
 * replies from any thread.
 */
final class CountingHandler implements AsyncRequestHandler
{
    private final ReplySource source;
    private final long limit;
    private final PrintWriter log;
    private final Runnable onDone;
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong replied = new AtomicLong();

    /**
     * @param source answers each request.
     * @param limit  how many requests to answer.
     * @param log    where to print a line per reply, or null for none.
     * @param onDone runs once, on the replying thread, after the last reply.
     */
    CountingHandler(final ReplySource source, final long limit, final PrintWriter log, final Runnable onDone)
    {
        this.source = source;
        this.limit = limit;
        this.log = log;
        this.onDone = onDone;
    }

    @Override
    public void onRequest(final Message request, final ReplyChannel channel)
    {
        final long number = taken.incrementAndGet();
        if (number > limit)
        {
            channel.fail("replier is exiting after " + limit + " replies");
            return;
        }
        source.answer(number, request, new CountedChannel(number, request.subject(), channel));
    }

    private void onReplied(final long number, final String subject, final String outcome)
    {
        if (null != log)
        {
            synchronized (log)
            {
                log.println("petrel: [#" + number + "] " + (subject.isEmpty() ? "" : subject + ": ") + outcome);
                log.flush();
            }
        }
        if (replied.incrementAndGet() == limit)
        {
            onDone.run();
        }
    }

    /**
     * Passes one reply on and counts it.
     */
    private final class CountedChannel implements ReplyChannel
    {
        private final long number;
        private final String subject;
        private final ReplyChannel channel;
        private final AtomicBoolean used = new AtomicBoolean();

        CountedChannel(final long number, final String subject, final ReplyChannel channel)
        {
            this.number = number;
            this.subject = subject;
            this.channel = channel;
        }

        @Override
        public void reply(final Message reply)
        {
            if (used.compareAndSet(false, true))
            {
                channel.reply(reply);
                onReplied(number, subject, "replied with " + reply.payload().length + " bytes");
            }
        }

        @Override
        public void fail(final String error)
        {
            if (used.compareAndSet(false, true))
            {
                channel.fail(error);
                onReplied(number, subject, "error reply: " + error);
            }
        }
    }
}
