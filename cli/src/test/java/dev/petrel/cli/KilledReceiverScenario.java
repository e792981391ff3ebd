/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The scenario of the durable-stream process tests: a sending command streams {@value #TOTAL} numbered messages
 * at {@value #RATE} per second to a durable receiving command, which is killed with {@code kill -9} a fifth of the
 * way in and started again with the same arguments (so the same name and state); every number must be printed
 * exactly once over the two runs.
 */
final class KilledReceiverScenario
{
    static final int TOTAL = 200;
    static final int RATE = 50;

    private static final Duration WAIT = Duration.ofSeconds(30);

    private KilledReceiverScenario()
    {
    }

    /**
     * @param receiver the receiving command line, printing payloads with {@code --raw}.
     * @param sender   the sending command line without the payload options, which this adds.
     */
    static void run(final String[] receiver, final String... sender)
    {
        final List<String> senderArgs = new ArrayList<>(List.of(sender));
        senderArgs.addAll(List.of("--size", "16", "--count", Integer.toString(TOTAL),
            "--rate", Integer.toString(RATE), "--timeout", "30s"));
        final List<String> lines = new ArrayList<>();
        // The first receiver connects before the sender starts, so it takes the stream at its pace and the kill
        // lands between two messages rather than in a burst of replayed ones.
        try (CliProcess first = CliProcess.start(receiver);
            CliProcess sending = CliProcess.start(senderArgs.toArray(new String[0])))
        {
            first.awaitOutLines(TOTAL / 5, WAIT);
            // Half a message interval on purpose: a kill right after a line appears would land between printing
            // that message and recording it, the one moment at which a killed receiver prints a message twice.
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1) / RATE / 2);
            first.kill(WAIT);
            lines.addAll(first.out());
            assertTrue(lines.size() < TOTAL, "the first " + receiver[0] + " was killed mid-stream");
            try (CliProcess second = CliProcess.start(receiver))
            {
                assertEquals(0, sending.awaitExit(WAIT), () -> sender[0] + " stderr: " + sending.err());
                second.awaitOutLines(TOTAL - lines.size(), WAIT);
                second.kill(WAIT);
                lines.addAll(second.out());
            }
        }
        assertEachNumberOnce(lines);
    }

    private static void assertEachNumberOnce(final List<String> lines)
    {
        final Map<Integer, Integer> counts = new TreeMap<>();
        for (final String line : lines)
        {
            counts.merge(Integer.parseInt(line.split(" ")[0]), 1, Integer::sum);
        }
        final List<String> wrong = new ArrayList<>();
        for (int number = 1; number <= TOTAL; number++)
        {
            if (1 != counts.getOrDefault(number, 0))
            {
                wrong.add(number + "x" + counts.getOrDefault(number, 0));
            }
        }
        assertEquals(List.of(), wrong, "numbers not printed exactly once in " + lines);
        assertEquals(TOTAL, counts.size());
    }
}
