/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes HdrHistogram's standard percentile distribution ({@code .hgrm}, values in microseconds), which the
 * HdrHistogram plotter and other tools read. A sweep writes one file per rate, named with the rate before the
 * extension ({@code lat.hgrm} becomes {@code lat-1000.hgrm}).
 */
public final class HgrmWriter
{
    private static final double NANOS_PER_MICRO = 1000.0;

    private HgrmWriter()
    {
    }

    /**
     * @param report what to write.
     * @param file   where (the name for a single run, the pattern for a sweep).
     * @return the files written.
     * @throws IOException when a file cannot be written.
     */
    public static List<Path> write(final LoadReport report, final Path file) throws IOException
    {
        final List<Path> written = new ArrayList<>();
        for (final LoadResult result : report.results())
        {
            final Path target = 1 == report.results().size() ? file :
                withSuffix(file, "-" + result.settings().ratePerSec());
            try (OutputStream stream = Files.newOutputStream(target);
                PrintStream print = new PrintStream(stream, false, StandardCharsets.UTF_8))
            {
                result.latencyNs().outputPercentileDistribution(print, NANOS_PER_MICRO);
            }
            written.add(target);
        }
        return written;
    }

    static Path withSuffix(final Path file, final String suffix)
    {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String renamed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return file.resolveSibling(renamed);
    }
}
