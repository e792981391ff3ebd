/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.Locale;

/**
 * Builds one compact JSON document by hand: objects, arrays, strings (escaped) and numbers. The caller nests
 * {@code begin…}/{@code end…} calls correctly; commas are placed here. Not thread safe.
 */
final class JsonText
{
    private final StringBuilder text = new StringBuilder(1024);
    private boolean needsComma;

    JsonText beginObject(final String key)
    {
        prefix(key);
        text.append('{');
        needsComma = false;
        return this;
    }

    JsonText endObject()
    {
        text.append('}');
        needsComma = true;
        return this;
    }

    JsonText beginArray(final String key)
    {
        prefix(key);
        text.append('[');
        needsComma = false;
        return this;
    }

    JsonText endArray()
    {
        text.append(']');
        needsComma = true;
        return this;
    }

    JsonText field(final String key, final String value)
    {
        prefix(key);
        quote(value);
        needsComma = true;
        return this;
    }

    JsonText field(final String key, final long value)
    {
        prefix(key);
        text.append(value);
        needsComma = true;
        return this;
    }

    JsonText field(final String key, final double value)
    {
        prefix(key);
        text.append(Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null");
        needsComma = true;
        return this;
    }

    JsonText field(final String key, final boolean value)
    {
        prefix(key);
        text.append(value);
        needsComma = true;
        return this;
    }

    JsonText nullField(final String key)
    {
        prefix(key);
        text.append("null");
        needsComma = true;
        return this;
    }

    @Override
    public String toString()
    {
        return text.toString();
    }

    private void prefix(final String key)
    {
        if (needsComma)
        {
            text.append(',');
        }
        if (null != key)
        {
            quote(key);
            text.append(':');
        }
    }

    private void quote(final String value)
    {
        text.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int)c) : c);
            }
        }
        text.append('"');
    }
}
