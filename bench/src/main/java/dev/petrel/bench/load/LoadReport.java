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
 * @param environment the JVM and machine.
 * @param results     one per rate, in the order run.
 */
public record LoadReport(LoadSettings settings, RunEnvironment environment, List<LoadResult> results)
{
    /**
     * @return whether latency was measured from intended send times (the runs were paced).
     */
    public boolean coordinatedOmissionCorrected()
    {
        return results.stream().allMatch(result -> result.settings().paced());
    }
}
