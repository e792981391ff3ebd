/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} option: more progress on stderr, and stack traces with failures.
 */
final class VerboseOption
{
    /** The option's long name, which the failure handler looks for. */
    static final String NAME = "--verbose";

    @Option(names = { "-v", NAME }, description = "Report more on stderr, including stack traces of failures.")
    private boolean verbose;

    /**
     * @return whether it was given.
     */
    boolean enabled()
    {
        return verbose;
    }
}
