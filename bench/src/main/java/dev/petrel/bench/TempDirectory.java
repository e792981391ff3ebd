package dev.petrel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh temporary directory for a trial's files, deleted with everything in it on close.
 */
final class TempDirectory implements AutoCloseable
{
    private final Path path;

    TempDirectory(final String prefix)
    {
        try
        {
            path = Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    Path path()
    {
        return path;
    }

    @Override
    public void close()
    {
        try (Stream<Path> walk = Files.walk(path))
        {
            final List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (final Path entry : paths)
            {
                Files.deleteIfExists(entry);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + path, ex);
        }
    }
}
