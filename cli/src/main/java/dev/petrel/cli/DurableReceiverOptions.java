/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import java.nio.file.Path;
import java.util.function.BiConsumer;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that make {@code petrel pull} and {@code petrel sub} a named durable receiver: the name and the
 * directory of its duplicate-detection state.
 */
final class DurableReceiverOptions
{
    private static final Path DEFAULT_STATE_ROOT = Path.of(".petrel-state");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--durable", paramLabel = "NAME",
        description = "Receive durable streams (push --log, pub --log) as the named durable receiver: each " +
            "message is acknowledged after it is printed, and a restarted run with the same name misses nothing.")
    private String name;

    @Option(names = "--state", paramLabel = "DIR",
        description = "Where a durable receiver remembers what it processed (default ./.petrel-state/NAME).")
    private Path stateDir;

    /**
     * @throws ParameterException for {@code --state} without {@code --durable}.
     */
    void check()
    {
        if (null == name && null != stateDir)
        {
            throw new ParameterException(mixee.commandLine(), "--state needs --durable NAME");
        }
    }

    /**
     * @return true with {@code --durable}.
     */
    boolean enabled()
    {
        return null != name;
    }

    /**
     * With {@code --durable}, makes the socket a durable receiver.
     *
     * @param durable makes the socket durable, given the name and the state directory.
     */
    void apply(final BiConsumer<String, Path> durable)
    {
        if (null != name)
        {
            durable.accept(name, null == stateDir ? DEFAULT_STATE_ROOT.resolve(name) : stateDir);
        }
    }
}
