/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import picocli.CommandLine.Option;

/**
 * The mutually exclusive {@code --echo}, {@code --payload} and {@code --exec} options of {@code petrel reply}, one
 * of which is required.
 */
final class ReplyModeOptions
{
    @Option(names = "--echo", required = true, description = "Reply with the request's payload.")
    private boolean echo;

    @Option(names = "--payload", required = true, paramLabel = "TEXT",
        description = "Reply with this text; {{seq}} (the request number) and {{time}} are replaced.")
    private String payload;

    @Option(names = "--exec", required = true, paramLabel = "COMMAND",
        description = "Run COMMAND with /bin/sh -c, the request payload on its stdin, and reply with its stdout " +
            "(one trailing newline removed). A non-zero exit sends an error reply with the first line of its " +
            "stderr. Commands run on 2 threads, the I/O thread never waits for them.")
    private String exec;

    /**
     * @return what answers each request; close it when done.
     */
    ReplySource source()
    {
        if (null != exec)
        {
            return new ExecReplies(exec);
        }
        if (null != payload)
        {
            final PayloadTemplate template = new PayloadTemplate(payload);
            return (number, request, channel) -> channel.reply(template.render(number));
        }
        return (number, request, channel) -> channel.reply(request.payload());
    }
}
