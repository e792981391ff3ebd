/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

/**
 * Hears about a run while it goes, about once a second, on the thread that runs it.
 */
@FunctionalInterface
public interface LoadProgress
{
    /** Ignores progress. */
    LoadProgress NONE = (phase, sent, received, elapsedNs) -> { };

    /**
     * @param phase     {@code warm-up} or {@code measured}.
     * @param sent      messages sent so far in this phase.
     * @param received  messages (or copies, for pub/sub) received so far in this phase.
     * @param elapsedNs time since the phase started.
     */
    void onProgress(String phase, long sent, long received, long elapsedNs);
}
