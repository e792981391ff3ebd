/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One payload per line of a reader, without the line terminator, up to a count.
 */
final class LinePayloads implements PayloadSource
{
    private final BufferedReader reader;
    private final long count;
    private long read;

    LinePayloads(final BufferedReader reader, final long count)
    {
        this.reader = reader;
        this.count = count;
    }

    @Override
    public byte[] next()
    {
        if (read >= count)
        {
            return null;
        }
        try
        {
            final String line = reader.readLine();
            if (null == line)
            {
                return null;
            }
            read++;
            return line.getBytes(StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read standard input: " + ex.getMessage(), ex);
        }
    }
}
