/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.DirectBuffer;

import java.time.Instant;

/**
 * Renders a record as one line of text or JSON. A payload made only of ASCII characters other than DEL is written as
 * a JSON-escaped string under {@code payload}; any other payload is written as lower-case hex under
 * {@code payloadHex}.
 */
final class RecordFormatter
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder line = new StringBuilder(256);

    String format(
        final DumpFormat format,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long sequence,
        final long timestampNs)
    {
        final boolean printable = isPrintable(buffer, offset, length);
        final Instant timestamp = Instant.ofEpochSecond(0, timestampNs);
        line.setLength(0);
        if (DumpFormat.JSON == format)
        {
            line.append("{\"sequence\":").append(sequence)
                .append(",\"timestampNs\":").append(timestampNs)
                .append(",\"timestamp\":\"").append(timestamp)
                .append("\",\"length\":").append(length)
                .append(printable ? ",\"payload\":\"" : ",\"payloadHex\":\"");
            appendPayload(buffer, offset, length, printable);
            line.append("\"}");
        }
        else
        {
            line.append("sequence=").append(sequence)
                .append(" timestamp=").append(timestamp)
                .append(" length=").append(length)
                .append(printable ? " payload=\"" : " payloadHex=");
            appendPayload(buffer, offset, length, printable);
            if (printable)
            {
                line.append('"');
            }
        }
        return line.toString();
    }

    private static void appendJsonEscaped(final StringBuilder out, final char c)
    {
        switch (c)
        {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default ->
            {
                if (c < 0x20)
                {
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
                else
                {
                    out.append(c);
                }
            }
        }
    }

    private void appendPayload(final DirectBuffer buffer, final int offset, final int length, final boolean printable)
    {
        for (int i = 0; i < length; i++)
        {
            final int b = buffer.getByte(offset + i) & 0xFF;
            if (printable)
            {
                appendJsonEscaped(line, (char)b);
            }
            else
            {
                line.append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
    }

    private static boolean isPrintable(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            final byte b = buffer.getByte(offset + i);
            if (b < 0 || b == 0x7F)
            {
                return false;
            }
        }
        return true;
    }
}
