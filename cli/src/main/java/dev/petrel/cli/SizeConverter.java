/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a size in bytes such as {@code 64}, {@code 4k} or {@code 1m} (binary multiples), from 1 byte to 64 MiB.
 */
final class SizeConverter implements ITypeConverter<Integer>
{
    /** The largest size accepted. */
    static final int MAX_LENGTH = 64 << 20;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})([km]?)b?");

    @Override
    public Integer convert(final String value)
    {
        final Matcher matcher = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches())
        {
            throw new TypeConversionException("'" + value + "' is not a size (e.g. 64, 4k, 1m)");
        }
        final int shift = switch (matcher.group(2))
        {
            case "k" -> 10;
            case "m" -> 20;
            default -> 0;
        };
        final long bytes = Long.parseLong(matcher.group(1)) << shift;
        if (bytes < 1 || bytes > MAX_LENGTH)
        {
            throw new TypeConversionException("must be from 1 byte to 64m, not " + value);
        }
        return (int)bytes;
    }
}
