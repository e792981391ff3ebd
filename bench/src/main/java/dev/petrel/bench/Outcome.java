package dev.petrel.bench;

import java.util.function.Supplier;

/**
 * A row's result, or the one-line reason it has none (the row failed or its peer is unavailable), so that one
 * failing row never stops the run.
 *
 * @param value  the result, or null.
 * @param reason why there is no result, or null.
 * @param <T>    the result type.
 */
public record Outcome<T>(T value, String reason)
{
    /**
     * @param work produces the result.
     * @param <T>  the result type.
     * @return its result, or "failed: ..." with the first line of what it threw.
     */
    public static <T> Outcome<T> of(final Supplier<T> work)
    {
        try
        {
            return new Outcome<>(work.get(), null);
        }
        catch (final RuntimeException | LinkageError ex)
        {
            return new Outcome<>(null, "failed: " + firstLine(ex));
        }
    }

    /**
     * @param reason why the row has no result.
     * @param <T>    the result type.
     * @return an outcome without a result.
     */
    public static <T> Outcome<T> unavailable(final String reason)
    {
        return new Outcome<>(null, reason);
    }

    /**
     * @return true when there is a result.
     */
    public boolean ok()
    {
        return null != value;
    }

    /**
     * @param error something thrown.
     * @return its simple class name and the first line of its message.
     */
    public static String firstLine(final Throwable error)
    {
        final String message = String.valueOf(error.getMessage());
        final int newline = message.indexOf('\n');
        return error.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
