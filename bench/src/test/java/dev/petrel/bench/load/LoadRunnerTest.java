/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadRunnerTest
{
    @ParameterizedTest
    @CsvSource({
        "pubsub, inproc", "pushpull, inproc", "reqrep, inproc",
        "pubsub, tcp", "pushpull, tcp", "reqrep, tcp",
        "pubsub, aeron-ipc", "pushpull, aeron-ipc", "reqrep, aeron-ipc",
        "pubsub, aeron-udp", "pushpull, aeron-udp", "reqrep, aeron-udp" })
    void shouldDeliverAndTimeEveryMessageWhenRunByCount(final String pattern, final String transport)
    {
        final LoadSettings settings = LoadSettings.builder(LoadPattern.fromLabel(pattern),
                LoadTransport.fromLabel(transport))
            .count(2000)
            .senders(2)
            .receivers(2)
            .inFlight(16)
            .warmup(Duration.ofMillis(100))
            .timeCap(Duration.ofSeconds(20))
            .build();

        final LoadResult result = new LoadRunner(LoadProgress.NONE).run(settings);

        assertEquals(2000, result.sent());
        assertEquals(result.expected(), result.received());
        assertEquals(result.expected(), result.latencyNs().getTotalCount());
        assertEquals(0, result.lost());
        assertFalse(result.capped());
        assertTrue(result.aggregate().messagesPerSec() > 0);
        assertEquals(2, result.senders().size());
    }

    @ParameterizedTest
    @CsvSource({ "pushpull, tcp", "pubsub, inproc" })
    void shouldStopAtTheDurationWhenPaced(final String pattern, final String transport)
    {
        final LoadSettings settings = LoadSettings.builder(LoadPattern.fromLabel(pattern),
                LoadTransport.fromLabel(transport))
            .duration(Duration.ofMillis(500))
            .ratePerSec(2000)
            .build();

        final LoadResult result = new LoadRunner(LoadProgress.NONE).run(settings);

        assertTrue(result.sent() > 500 && result.sent() <= 1001, "sent " + result.sent());
        assertEquals(result.sent(), result.received());
    }
}
