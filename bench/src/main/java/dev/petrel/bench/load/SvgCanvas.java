/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.Locale;

/**
 * Draws a chart as an SVG document. Not thread safe.
 */
final class SvgCanvas implements ChartCanvas
{
    private static final String[] ANCHORS = { "start", "middle", "end" };

    private final StringBuilder svg = new StringBuilder(16 * 1024);

    SvgCanvas(final int width, final int height)
    {
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" " +
            "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    }

    @Override
    public void line(
        final double x1, final double y1, final double x2, final double y2, final String colour, final float width)
    {
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
            x1, y1, x2, y2, colour, width));
    }

    @Override
    public void polyline(final double[] xs, final double[] ys, final int count, final String colour)
    {
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < count; i++)
        {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void text(final double x, final double y, final String text, final int anchor, final int size)
    {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">",
            x, y, size, ANCHORS[anchor]));
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '<' -> svg.append("&lt;");
                case '>' -> svg.append("&gt;");
                case '&' -> svg.append("&amp;");
                default -> svg.append(c);
            }
        }
        svg.append("</text>\n");
    }

    /**
     * @return the finished document.
     */
    String finish()
    {
        return svg + "</svg>\n";
    }
}
