/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

/**
 * The few drawing operations a chart needs, in pixels from the top-left corner, so one layout draws both SVG and
 * PNG. Colours are {@code #rrggbb}.
 */
interface ChartCanvas
{
    /** Anchors text at its start. */
    int START = 0;

    /** Anchors text at its middle. */
    int MIDDLE = 1;

    /** Anchors text at its end. */
    int END = 2;

    void line(double x1, double y1, double x2, double y2, String colour, float width);

    void polyline(double[] xs, double[] ys, int count, String colour);

    void text(double x, double y, String text, int anchor, int size);
}
