/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest
{
    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters()
    {
        final String json = new JsonWriter().reset().field("s", "a\"b\\c\nd\u0001\u2028").toString();

        assertEquals("{\"s\":\"a\\\"b\\\\c\\nd\\u0001\\u2028\"}", json);
    }

    @Test
    void shouldWriteNestedObjectsNumbersBooleansAndNull()
    {
        final String json = new JsonWriter().reset().field("n", 7).beginObject("o").field("k", "v").field("m", "w")
            .endObject().field("b", true).field("z", (String)null).toString();

        assertEquals("{\"n\":7,\"o\":{\"k\":\"v\",\"m\":\"w\"},\"b\":true,\"z\":null}", json);
    }

    @Test
    void shouldStartAfreshAfterReset()
    {
        final JsonWriter writer = new JsonWriter();
        writer.reset().field("a", 1);

        assertEquals("{\"b\":2}", writer.reset().field("b", 2).toString());
    }
}
