/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little JSON reader for tests: objects become maps, arrays lists, numbers doubles. Fails on anything
 * malformed, including trailing text.
 */
final class MiniJson
{
    private final String text;
    private int at;

    private MiniJson(final String text)
    {
        this.text = text;
    }

    static Object parse(final String text)
    {
        final MiniJson reader = new MiniJson(text);
        final Object value = reader.value();
        reader.skipSpace();
        if (reader.at != text.length())
        {
            throw new IllegalArgumentException("trailing text at " + reader.at);
        }
        return value;
    }

    private Object value()
    {
        skipSpace();
        final char c = peek();
        if ('{' == c)
        {
            return object();
        }
        if ('[' == c)
        {
            return array();
        }
        if ('"' == c)
        {
            return string();
        }
        for (final String word : new String[] { "true", "false", "null" })
        {
            if (text.startsWith(word, at))
            {
                at += word.length();
                return "null".equals(word) ? null : Boolean.valueOf(word);
            }
        }
        return number();
    }

    private Map<String, Object> object()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        skipSpace();
        if ('}' == peek())
        {
            at++;
            return map;
        }
        do
        {
            skipSpace();
            final String key = string();
            skipSpace();
            expect(':');
            if (null != map.put(key, value()))
            {
                throw new IllegalArgumentException("duplicate key " + key);
            }
            skipSpace();
        }
        while (',' == text.charAt(at++));
        if ('}' != text.charAt(at - 1))
        {
            throw new IllegalArgumentException("expected } at " + (at - 1));
        }
        return map;
    }

    private List<Object> array()
    {
        final List<Object> list = new ArrayList<>();
        expect('[');
        skipSpace();
        if (']' == peek())
        {
            at++;
            return list;
        }
        do
        {
            list.add(value());
            skipSpace();
        }
        while (',' == text.charAt(at++));
        if (']' != text.charAt(at - 1))
        {
            throw new IllegalArgumentException("expected ] at " + (at - 1));
        }
        return list;
    }

    private String string()
    {
        expect('"');
        final StringBuilder out = new StringBuilder();
        char c;
        while ('"' != (c = text.charAt(at++)))
        {
            if ('\\' == c)
            {
                final char escaped = text.charAt(at++);
                out.append(switch (escaped)
                {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'u' -> (char)Integer.parseInt(text.substring(at, at += 4), 16);
                    default -> escaped;
                });
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Double number()
    {
        final int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0)
        {
            at++;
        }
        if (start == at)
        {
            throw new IllegalArgumentException("unexpected character at " + at);
        }
        return Double.valueOf(text.substring(start, at));
    }

    private void expect(final char c)
    {
        if (peek() != c)
        {
            throw new IllegalArgumentException("expected " + c + " at " + at);
        }
        at++;
    }

    private char peek()
    {
        if (at >= text.length())
        {
            throw new IllegalArgumentException("unexpected end");
        }
        return text.charAt(at);
    }

    private void skipSpace()
    {
        while (at < text.length() && Character.isWhitespace(text.charAt(at)))
        {
            at++;
        }
    }
}
