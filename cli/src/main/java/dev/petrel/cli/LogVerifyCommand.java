/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.petrel.durability.LogInspector;
import dev.petrel.durability.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code petrel log verify}: checks every record's frame and checksum and the continuity of sequences; exits
 * {@link ExitCodes#LOG_DAMAGED} when something is damaged.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check every record (frame, CRC32C, sequence continuity); exit 3 when the log is damaged.")
final class LogVerifyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private LogOptions log;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final VerifyReport report;
        try (LogInspector inspector = log.open())
        {
            report = inspector.verify();
        }
        out.println(log.json() ? json(report) : report.toString());
        out.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.LOG_DAMAGED;
    }

    private static String json(final VerifyReport report)
    {
        return new JsonWriter().reset()
            .field("ok", report.ok())
            .field("segments_checked", report.segmentsChecked())
            .field("records_checked", report.recordsChecked())
            .field("damage", report.damage().name())
            .field("segment", null == report.segment() ? null : report.segment().toString())
            .field("offset", report.offset())
            .toString();
    }
}
