/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import picocli.CommandLine.Option;

/**
 * The mutually exclusive {@code --raw} and {@code --json} options of the receiving commands.
 */
final class OutputFormatOptions
{
    @Option(names = "--raw", description = "Print only each payload, one per line.")
    private boolean raw;

    @Option(names = "--json", description = "Print one JSON object per message and line: seq, subject, headers, " +
        "payload (or payload_base64 when not UTF-8), timestamp_ns, received_ns.")
    private boolean json;

    /**
     * @param options the options given, or null when neither was.
     * @return the format they choose.
     */
    static OutputFormat of(final OutputFormatOptions options)
    {
        if (null == options || !(options.raw || options.json))
        {
            return OutputFormat.TEXT;
        }
        return options.raw ? OutputFormat.RAW : OutputFormat.JSON;
    }
}
