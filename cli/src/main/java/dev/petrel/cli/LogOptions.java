/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.nio.file.Path;

import dev.petrel.durability.DumpFormat;
import dev.petrel.durability.LogInspector;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The log directory argument and the {@code --json} option every {@code petrel log} command shares.
 */
final class LogOptions
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
    private Path dir;

    @Option(names = "--json", description = "Print JSON, one object per line.")
    private boolean json;

    /**
     * @return the inspector over the directory, to be closed by the caller.
     */
    LogInspector open()
    {
        return LogInspector.open(dir);
    }

    /**
     * @return whether JSON was asked for.
     */
    boolean json()
    {
        return json;
    }

    /**
     * @return the record format asked for.
     */
    DumpFormat format()
    {
        return json ? DumpFormat.JSON : DumpFormat.TEXT;
    }
}
