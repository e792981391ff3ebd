/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * The JVM and machine a run happened on, as every report prints it.
 *
 * @param jvm         JVM name and runtime version.
 * @param gc          the garbage collectors in use.
 * @param cores       processors available to the JVM.
 * @param os          operating system name, version and architecture.
 * @param loadAverage one-minute system load average when the report was made, negative where unknown.
 */
public record RunEnvironment(String jvm, String gc, int cores, String os, double loadAverage)
{
    /**
     * @return this JVM and machine, now.
     */
    public static RunEnvironment detect()
    {
        return new RunEnvironment(
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", ")),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " +
                System.getProperty("os.arch"),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
