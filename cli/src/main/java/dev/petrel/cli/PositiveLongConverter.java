/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a whole number of at least one, for counts and rates.
 */
final class PositiveLongConverter implements ITypeConverter<Long>
{
    @Override
    public Long convert(final String value)
    {
        final long number;
        try
        {
            number = Long.parseLong(value.trim().replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (number < 1)
        {
            throw new TypeConversionException("must be at least 1, not " + number);
        }
        return number;
    }
}
