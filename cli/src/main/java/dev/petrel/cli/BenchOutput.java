/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.petrel.bench.load.ChartWriter;
import dev.petrel.bench.load.CsvReportWriter;
import dev.petrel.bench.load.HgrmWriter;
import dev.petrel.bench.load.JsonReportWriter;
import dev.petrel.bench.load.LoadReport;
import dev.petrel.bench.load.TextReportWriter;

/**
 * Prints a bench report (the table, or JSON with {@code --json}) and writes the files asked for, naming each file
 * written on stderr.
 */
final class BenchOutput
{
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param out for the report.
     * @param err for the names of files written.
     */
    BenchOutput(final PrintWriter out, final PrintWriter err)
    {
        this.out = out;
        this.err = err;
    }

    /**
     * @param report  what to write.
     * @param options which outputs were asked for.
     * @throws CommandFailedException when a file cannot be written.
     */
    void write(final LoadReport report, final BenchCommand options)
    {
        if (options.json)
        {
            out.println(JsonReportWriter.toJson(report));
            out.flush();
        }
        else
        {
            TextReportWriter.write(report, out);
        }
        try
        {
            if (null != options.csv)
            {
                Files.writeString(options.csv, CsvReportWriter.toCsv(report), StandardCharsets.UTF_8);
                wrote(List.of(options.csv));
            }
            if (null != options.hgrm)
            {
                wrote(HgrmWriter.write(report, options.hgrm));
            }
            if (null != options.plot)
            {
                ChartWriter.write(report, options.plot);
                wrote(List.of(options.plot));
            }
        }
        catch (final IOException ex)
        {
            throw new CommandFailedException("cannot write " + ex.getMessage());
        }
    }

    private void wrote(final List<Path> files)
    {
        files.forEach(file -> err.println("wrote " + file));
        err.flush();
    }
}
