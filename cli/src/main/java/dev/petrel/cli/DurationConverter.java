/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration such as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT10S}; a bare
 * number means seconds. Also formats durations back into that short form for messages.
 */
final class DurationConverter implements ITypeConverter<Duration>
{
    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,12})(ns|us|ms|s|m|h)?");

    @Override
    public Duration convert(final String value)
    {
        final String text = value.trim().toLowerCase(Locale.ROOT);
        final Matcher matcher = SHORT_FORM.matcher(text);
        if (matcher.matches())
        {
            final long amount = Long.parseLong(matcher.group(1));
            return switch (null == matcher.group(2) ? "s" : matcher.group(2))
            {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(amount * 1_000L);
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try
        {
            return Duration.parse(value.trim());
        }
        catch (final DateTimeParseException ex)
        {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 10s, 2m)");
        }
    }

    /**
     * @param duration a duration.
     * @return it in the short form, e.g. {@code 10s} or {@code 1500ms}.
     */
    static String format(final Duration duration)
    {
        final long millis = duration.toMillis();
        return 0 == millis % 1000 ? millis / 1000 + "s" : millis + "ms";
    }
}
