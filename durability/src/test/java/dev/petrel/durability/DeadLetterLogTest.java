/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.petrel.durability.TestLogs.*;
import static org.junit.jupiter.api.Assertions.*;

class DeadLetterLogTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMoveRecordWithReasonToDeadLetterSubdirectory()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            appendAll(log, 50);
            final DeadLetterLog deadLetters = log.deadLetters();
            assertEquals(1, deadLetters.moveFrom(log, 17, "delivered 5 times"));
            assertEquals(2, deadLetters.moveFrom(log, 33, "poison"));
            assertTrue(Files.isDirectory(dir.resolve("dead-letter")));

            try (LogReader reader = deadLetters.log().reader(1))
            {
                final int read = reader.poll((buffer, offset, length, sequence, timestampNs) ->
                {
                    final long original = DeadLetterDescriptor.originalSequence(buffer, offset);
                    assertEquals(sequence == 1 ? 17 : 33, original);
                    assertEquals(sequence == 1 ? "delivered 5 times" : "poison",
                        DeadLetterDescriptor.reason(buffer, offset));
                    assertPayload(original, buffer, DeadLetterDescriptor.originalPayloadOffset(buffer, offset),
                        DeadLetterDescriptor.originalPayloadLength(buffer, offset, length));
                }, 10);
                assertEquals(2, read);
            }
            assertThrows(IllegalArgumentException.class, () -> deadLetters.moveFrom(log, 51, "missing"));
        }
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            assertEquals(2, log.deadLetters().log().lastSequence());
        }
    }

    @Test
    void shouldAcceptLargestPayloadWithLongReason()
    {
        try (DurableLog log = DurableLog.open(context(dir)))
        {
            final int max = log.context().maxPayloadLength();
            log.append(new byte[max], 0, max);
            final String reason = "x".repeat(5000);
            assertEquals(1, log.deadLetters().moveFrom(log, 1, reason));
            try (LogReader reader = log.deadLetters().log().reader(1))
            {
                reader.poll((buffer, offset, length, sequence, timestampNs) ->
                {
                    assertEquals(DeadLetterDescriptor.MAX_REASON_LENGTH,
                        DeadLetterDescriptor.reason(buffer, offset).getBytes(StandardCharsets.UTF_8).length);
                    assertEquals(max, DeadLetterDescriptor.originalPayloadLength(buffer, offset, length));
                }, 1);
            }
        }
    }
}
