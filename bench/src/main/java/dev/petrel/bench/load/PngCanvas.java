/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws a chart into an in-memory image (no display needed). Not thread safe; {@link #finish()} releases the
 * graphics.
 */
final class PngCanvas implements ChartCanvas
{
    private final BufferedImage image;
    private final Graphics2D graphics;

    PngCanvas(final int width, final int height)
    {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
    }

    @Override
    public void line(
        final double x1, final double y1, final double x2, final double y2, final String colour, final float width)
    {
        graphics.setColor(Color.decode(colour));
        graphics.setStroke(new BasicStroke(width));
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(final double[] xs, final double[] ys, final int count, final String colour)
    {
        final Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < count; i++)
        {
            if (0 == i)
            {
                path.moveTo(xs[i], ys[i]);
            }
            else
            {
                path.lineTo(xs[i], ys[i]);
            }
        }
        graphics.setColor(Color.decode(colour));
        graphics.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.draw(path);
    }

    @Override
    public void text(final double x, final double y, final String text, final int anchor, final int size)
    {
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        final int width = graphics.getFontMetrics().stringWidth(text);
        final double left = START == anchor ? x : MIDDLE == anchor ? x - width / 2.0 : x - width;
        graphics.drawString(text, (float)left, (float)y);
    }

    /**
     * @return the finished image.
     */
    BufferedImage finish()
    {
        graphics.dispose();
        return image;
    }
}
