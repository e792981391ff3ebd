/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version lines of {@code petrel --version} and {@code petrel version}: Petrel's version (from the jar
 * manifest, {@code dev} when run from classes), the Java runtime and the operating system.
 */
final class VersionProvider implements IVersionProvider
{
    @Override
    public String[] getVersion()
    {
        return lines();
    }

    /**
     * @return the version lines.
     */
    static String[] lines()
    {
        return new String[] {
            "petrel " + petrelVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", " +
                System.getProperty("java.vendor") + ")",
            "OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " +
                System.getProperty("os.arch")
        };
    }

    /**
     * @return the Implementation-Version of the jar, or {@code dev}.
     */
    static String petrelVersion()
    {
        final String version = VersionProvider.class.getPackage().getImplementationVersion();
        return null == version ? "dev" : version;
    }
}
