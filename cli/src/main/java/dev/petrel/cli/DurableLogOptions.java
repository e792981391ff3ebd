/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.nio.file.Path;
import java.util.Locale;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that make {@code petrel push} and {@code petrel pub} durable: a side log directory and its fsync
 * policy.
 */
final class DurableLogOptions
{
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--log", paramLabel = "DIR",
        description = "Make the stream durable: append each message to a side log in DIR before sending it, " +
            "deliver it to durable receivers (pull --durable, sub --durable) until acknowledged, and exit once " +
            "all is acknowledged.")
    private Path logDir;

    @Option(names = "--fsync", paramLabel = "POLICY",
        description = "When the side log forces appends to disk: always, interval (default) or never.")
    private String fsync;

    /**
     * @return the side log's configuration, or null when {@code --log} was not given.
     * @throws ParameterException for {@code --fsync} without {@code --log} or an unknown policy.
     */
    DurableLog.Context context()
    {
        if (null == logDir)
        {
            if (null != fsync)
            {
                throw new ParameterException(mixee.commandLine(), "--fsync needs --log DIR");
            }
            return null;
        }
        return new DurableLog.Context().logDir(logDir).fsyncPolicy(policy());
    }

    private FsyncPolicy policy()
    {
        if (null == fsync)
        {
            return FsyncPolicy.INTERVAL;
        }
        for (final FsyncPolicy policy : FsyncPolicy.values())
        {
            if (policy.name().equals(fsync.toUpperCase(Locale.ROOT)))
            {
                return policy;
            }
        }
        throw new ParameterException(mixee.commandLine(),
            "unknown fsync policy '" + fsync + "': use always, interval or never");
    }
}
