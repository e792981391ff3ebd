/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Writes a report's latency-by-percentile chart: PNG when the file name ends in {@code .png}, SVG otherwise.
 * PNG drawing needs no display; it switches AWT to headless mode unless {@code java.awt.headless} is already set.
 */
public final class ChartWriter
{
    private ChartWriter()
    {
    }

    /**
     * @param report what to chart (one line per rate).
     * @param file   where.
     * @throws IOException when the file cannot be written.
     */
    public static void write(final LoadReport report, final Path file) throws IOException
    {
        final PercentileChart chart = new PercentileChart(report);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
        {
            if (null == System.getProperty("java.awt.headless"))
            {
                System.setProperty("java.awt.headless", "true");
            }
            final PngCanvas canvas = new PngCanvas(PercentileChart.WIDTH, PercentileChart.HEIGHT);
            chart.draw(canvas);
            if (!ImageIO.write(canvas.finish(), "png", file.toFile()))
            {
                throw new IOException("no PNG writer in this JVM");
            }
        }
        else
        {
            final SvgCanvas canvas = new SvgCanvas(PercentileChart.WIDTH, PercentileChart.HEIGHT);
            chart.draw(canvas);
            Files.writeString(file, canvas.finish(), StandardCharsets.UTF_8);
        }
    }
}
