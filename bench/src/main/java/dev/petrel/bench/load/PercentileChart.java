/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out the latency-by-percentile chart HdrHistogram users expect: percentiles on a logarithmic "nines"
 * x-axis (0%, 90%, 99%, 99.9%...), latency in microseconds on a linear y-axis, one line per rate.
 */
final class PercentileChart
{
    static final int WIDTH = 900;
    static final int HEIGHT = 540;

    private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };
    private static final String GRID = "#dddddd";
    private static final String AXIS = "#333333";
    private static final int LEFT = 80;
    private static final int RIGHT = 40;
    private static final int TOP = 70;
    private static final int BOTTOM = 60;
    private static final int Y_TICKS = 5;

    private final String title;
    private final String subtitle;
    private final List<PercentileCurve> curves = new ArrayList<>();
    private final int nines;

    PercentileChart(final LoadReport report)
    {
        final LoadSettings settings = report.settings();
        title = "petrel bench " + settings.pattern().label() + " over " + settings.transport().label() + ": " +
            settings.pattern().latencyKind() + " latency by percentile";
        subtitle = settings.messageLength() + " B, idle " + settings.idleStrategy() + ", " +
            (report.coordinatedOmissionCorrected() ? "from intended send times (corrected for coordinated " +
            "omission)" : "unpaced, from actual send times");
        long samples = 1;
        for (final LoadResult result : report.results())
        {
            samples = Math.max(samples, result.latencyNs().getTotalCount());
        }
        nines = PercentileCurve.ninesFor(samples);
        for (final LoadResult result : report.results())
        {
            curves.add(PercentileCurve.of(ReportText.rate(result.settings().ratePerSec()), result.latencyNs(),
                nines));
        }
    }

    void draw(final ChartCanvas canvas)
    {
        final double maxMicros = niceCeiling(curves.stream()
            .mapToDouble(curve -> curve.micros().length == 0 ? 0 : curve.micros()[curve.micros().length - 1])
            .max().orElse(1));
        canvas.text(WIDTH / 2.0, 28, title, ChartCanvas.MIDDLE, 16);
        canvas.text(WIDTH / 2.0, 48, subtitle, ChartCanvas.MIDDLE, 12);
        axes(canvas, maxMicros);
        for (int i = 0; i < curves.size(); i++)
        {
            final PercentileCurve curve = curves.get(i);
            final String colour = COLOURS[i % COLOURS.length];
            final int count = curve.nines().length;
            final double[] xs = new double[count];
            final double[] ys = new double[count];
            for (int p = 0; p < count; p++)
            {
                xs[p] = x(curve.nines()[p]);
                ys[p] = y(curve.micros()[p], maxMicros);
            }
            canvas.polyline(xs, ys, count, colour);
            final double legendY = TOP + 18 + i * 18;
            canvas.line(LEFT + 16, legendY - 4, LEFT + 40, legendY - 4, colour, 3f);
            canvas.text(LEFT + 46, legendY, curve.label(), ChartCanvas.START, 12);
        }
    }

    private void axes(final ChartCanvas canvas, final double maxMicros)
    {
        for (int n = 0; n <= nines; n++)
        {
            final double x = x(n);
            canvas.line(x, TOP, x, HEIGHT - BOTTOM, GRID, 1f);
            canvas.text(x, HEIGHT - BOTTOM + 18, PercentileCurve.percentLabel(n), ChartCanvas.MIDDLE, 12);
        }
        for (int t = 0; t <= Y_TICKS; t++)
        {
            final double value = maxMicros * t / Y_TICKS;
            final double y = y(value, maxMicros);
            canvas.line(LEFT, y, WIDTH - RIGHT, y, GRID, 1f);
            canvas.text(LEFT - 8, y + 4, String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value),
                ChartCanvas.END, 12);
        }
        canvas.line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, AXIS, 1.5f);
        canvas.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, AXIS, 1.5f);
        canvas.text(WIDTH / 2.0, HEIGHT - 18, "percentile", ChartCanvas.MIDDLE, 13);
        canvas.text(12, TOP - 10, "latency (\u00b5s)", ChartCanvas.START, 13);
    }

    private double x(final double value)
    {
        return LEFT + value / nines * (WIDTH - LEFT - RIGHT);
    }

    private static double y(final double micros, final double maxMicros)
    {
        return HEIGHT - BOTTOM - micros / maxMicros * (HEIGHT - TOP - BOTTOM);
    }

    static double niceCeiling(final double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        final double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (final double step : new double[] { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
