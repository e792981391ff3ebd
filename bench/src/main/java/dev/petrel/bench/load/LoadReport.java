/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.List;

/**
 * One {@code petrel bench} invocation: its settings, where it ran, and one result per rate (one unless it swept
 * rates).
 *
 * @param settings    the workload (its rate is the first run's).
 * @param mode        how it ran: {@link #IN_PROCESS}, or which side of a two-process run this is.
 * @param environment the JVM and machine.
 * @param results     one per rate, in the order run.
 */
public record LoadReport(LoadSettings settings, String mode, RunEnvironment environment, List<LoadResult> results)
{
    /** The mode of a run with every socket in this process. */
    public static final String IN_PROCESS = "in-process, all sockets on loopback";

    /**
     * @return whether latency percentiles were recorded at all (a receiver on another host records none).
     */
    public boolean latencyRecorded()
    {
        return results.stream().anyMatch(result -> result.latencyNs().getTotalCount() > 0);
    }

    /**
     * @return whether latency was measured from intended send times (the runs were paced).
     */
    public boolean coordinatedOmissionCorrected()
    {
        return results.stream().allMatch(result -> result.settings().paced());
    }
}
