/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.nio.charset.StandardCharsets;

/**
 * Payloads of a fixed length: the message number, a space, then the letters a to z repeated, cut to length.
 */
final class GeneratedPayloads implements PayloadSource
{
    private final int length;
    private final long count;
    private long sequence;

    GeneratedPayloads(final int length, final long count)
    {
        this.length = length;
        this.count = count;
    }

    @Override
    public byte[] next()
    {
        if (sequence >= count)
        {
            return null;
        }
        final byte[] payload = new byte[length];
        final byte[] number = (++sequence + " ").getBytes(StandardCharsets.US_ASCII);
        final int numberLength = Math.min(number.length, length);
        System.arraycopy(number, 0, payload, 0, numberLength);
        for (int i = numberLength; i < length; i++)
        {
            payload[i] = (byte)('a' + (i - numberLength) % 26);
        }
        return payload;
    }
}
