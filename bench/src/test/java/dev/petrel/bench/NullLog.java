package dev.petrel.bench;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A progress log that discards everything, for tests.
 */
final class NullLog
{
    static final PrintStream STREAM = new PrintStream(OutputStream.nullOutputStream());

    private NullLog()
    {
    }
}
