/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.petrel.durability.LogInfo;
import dev.petrel.durability.LogInspector;
import dev.petrel.durability.ReceiverPosition;
import dev.petrel.durability.SegmentInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code petrel log info}: summarises a log's segments, sequence range, size, spare files and durable receivers.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Summarise segments, sequence range, size, spare files and durable receivers.")
final class LogInfoCommand implements Callable<Integer>
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
        try (LogInspector inspector = log.open())
        {
            final LogInfo info = inspector.info();
            out.print(log.json() ? json(info) + System.lineSeparator() : info.toString());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String json(final LogInfo info)
    {
        final JsonWriter json = new JsonWriter().reset()
            .field("directory", info.directory().toString())
            .field("first_sequence", info.firstSequence())
            .field("last_sequence", info.lastSequence())
            .field("total_length", info.totalLength())
            .field("spare_length", info.spareLength())
            .beginObject("segments");
        for (final SegmentInfo segment : info.segments())
        {
            json.beginObject(segment.fileName())
                .field("first_sequence", segment.firstSequence())
                .field("last_sequence", segment.lastSequence())
                .field("length", segment.length())
                .endObject();
        }
        json.endObject().beginObject("receivers");
        for (final ReceiverPosition receiver : info.receivers())
        {
            json.beginObject(receiver.name())
                .field("acked_sequence", receiver.ackedSequence())
                .field("lost_records", receiver.lostRecords())
                .endObject();
        }
        return json.endObject().toString();
    }
}
