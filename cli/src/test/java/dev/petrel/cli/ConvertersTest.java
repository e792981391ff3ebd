/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest
{
    @Test
    void shouldReadDurationsWithSuffixesBareSecondsAndIso()
    {
        final DurationConverter converter = new DurationConverter();

        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(3), converter.convert("3"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofSeconds(90), converter.convert("PT90S"));
        assertThrows(TypeConversionException.class, () -> converter.convert("soon"));
        assertEquals("1500ms", DurationConverter.format(Duration.ofMillis(1500)));
        assertEquals("10s", DurationConverter.format(Duration.ofSeconds(10)));
    }

    @Test
    void shouldReadSizesWithinLimits()
    {
        final SizeConverter converter = new SizeConverter();

        assertEquals(64, converter.convert("64"));
        assertEquals(4096, converter.convert("4k"));
        assertEquals(1 << 20, converter.convert("1M"));
        assertThrows(TypeConversionException.class, () -> converter.convert("0"));
        assertThrows(TypeConversionException.class, () -> converter.convert("65m"));
    }

    @Test
    void shouldRejectCountsBelowOne()
    {
        final PositiveLongConverter converter = new PositiveLongConverter();

        assertEquals(100_000L, converter.convert("100_000"));
        assertThrows(TypeConversionException.class, () -> converter.convert("0"));
        assertThrows(TypeConversionException.class, () -> converter.convert("1.5"));
    }

    @Test
    void shouldRenderSequenceAndTimePlaceholders()
    {
        final String text = new String(new PayloadTemplate("n={{seq}} t={{time}}").render(7), StandardCharsets.UTF_8);

        assertEquals("n=7 t=", text.substring(0, 6));
        assertEquals('Z', text.charAt(text.length() - 1));
    }

    @Test
    void shouldGenerateNumberedPayloadsOfTheRequestedSize()
    {
        final PayloadSource source = PayloadSource.generate(6, 2);

        assertArrayEquals("1 abcd".getBytes(StandardCharsets.US_ASCII), source.next());
        assertArrayEquals("2 abcd".getBytes(StandardCharsets.US_ASCII), source.next());
        assertNull(source.next());
    }
}
