/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

/**
 * Writes one JSON object on one line: string, number and boolean fields and nested objects, with strings escaped
 * per RFC 8259. Not thread safe; reuse it with {@link #reset()}.
 */
final class JsonWriter
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder text = new StringBuilder(256);
    private boolean first = true;

    /**
     * Starts a new top-level object, dropping what was written before.
     *
     * @return this.
     */
    JsonWriter reset()
    {
        text.setLength(0);
        text.append('{');
        first = true;
        return this;
    }

    /**
     * @param name  of the field.
     * @param value a string, or null for JSON null.
     * @return this.
     */
    JsonWriter field(final String name, final String value)
    {
        name(name);
        if (null == value)
        {
            text.append("null");
        }
        else
        {
            appendString(value);
        }
        return this;
    }

    /**
     * @param name  of the field.
     * @param value a number.
     * @return this.
     */
    JsonWriter field(final String name, final long value)
    {
        name(name).append(value);
        return this;
    }

    /**
     * @param name  of the field.
     * @param value a boolean.
     * @return this.
     */
    JsonWriter field(final String name, final boolean value)
    {
        name(name).append(value);
        return this;
    }

    /**
     * Opens a nested object; close it with {@link #endObject()}.
     *
     * @param name of the field.
     * @return this.
     */
    JsonWriter beginObject(final String name)
    {
        name(name).append('{');
        first = true;
        return this;
    }

    /**
     * Closes the innermost open object.
     *
     * @return this.
     */
    JsonWriter endObject()
    {
        text.append('}');
        first = false;
        return this;
    }

    /**
     * @return the object written so far, closed.
     */
    @Override
    public String toString()
    {
        return text + "}";
    }

    private StringBuilder name(final String name)
    {
        if (!first)
        {
            text.append(',');
        }
        first = false;
        appendString(name);
        return text.append(':');
    }

    private void appendString(final String value)
    {
        text.append('"');
        for (int i = 0, n = value.length(); i < n; i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default ->
                {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029)
                    {
                        text.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                            .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    }
                    else
                    {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
