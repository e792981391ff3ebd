package dev.petrel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.petrel.durability.DedupResult;
import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The durable puller's journal across restarts: what was handed over and not processed stays in doubt, what was
 * processed is dropped, checkpoints keep both, and records of the first journal format still count as processed.
 */
class DedupJournalTest
{
    private static final long PRODUCER = 42;
    private static final long OTHER_PRODUCER = 43;

    @TempDir
    Path dir;

    @Test
    void shouldKeepWhatWasHandedAndNotProcessedInDoubtAfterARestart()
    {
        try (DedupJournal journal = new DedupJournal(dir))
        {
            record(journal, JournalBatch.HANDED, 1, 2, 3);
            record(journal, JournalBatch.PROCESSED, 1, 2);
        }
        try (DedupJournal journal = new DedupJournal(dir))
        {
            assertFalse(journal.handed().contains(PRODUCER, 1));
            assertFalse(journal.handed().contains(PRODUCER, 2));
            assertTrue(journal.handed().contains(PRODUCER, 3), "handed and not processed");
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(PRODUCER, 2));
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(PRODUCER, 3));
            assertEquals(DedupResult.NEW, journal.window().onMessage(PRODUCER, 4));
        }
    }

    @Test
    void shouldKeepMessagesInDoubtAcrossACheckpoint()
    {
        final long total = DedupJournal.CHECKPOINT_INTERVAL_ENTRIES / 2 + 10;
        try (DedupJournal journal = new DedupJournal(dir))
        {
            final JournalBatch handed = new JournalBatch(JournalBatch.HANDED);
            final JournalBatch processed = new JournalBatch(JournalBatch.PROCESSED);
            for (long sequence = 1; sequence <= total; sequence++)
            {
                // Two producers in turn, so that no two entries join into one run and each counts to the checkpoint.
                for (final long producerId : new long[]{ PRODUCER, OTHER_PRODUCER })
                {
                    handed.add(producerId, sequence, 0);
                    journal.handed().add(producerId, sequence);
                    journal.window().onMessage(producerId, sequence);
                    if (sequence != 7 || OTHER_PRODUCER == producerId)
                    {
                        processed.add(producerId, sequence, 0);
                        journal.handed().remove(producerId, sequence);
                    }
                }
                if (handed.isFull() || sequence == total)
                {
                    journal.record(handed);
                    journal.record(processed);
                    handed.clear();
                    processed.clear();
                }
            }
            journal.checkpointIfDue();
        }
        assertTrue(Files.exists(dir.resolve(DedupJournal.CHECKPOINT_FILE_NAME)), "checkpointed");
        try (DedupJournal journal = new DedupJournal(dir))
        {
            assertEquals(List.of(PRODUCER + ":7"), inDoubt(journal));
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(PRODUCER, total));
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(OTHER_PRODUCER, total));
        }
    }

    @Test
    void shouldJournalConsecutiveMessagesAsOneRun()
    {
        final JournalBatch handed = new JournalBatch(JournalBatch.HANDED);
        for (long sequence = 1; sequence <= 100; sequence++)
        {
            handed.add(PRODUCER, sequence, 0);
        }
        handed.add(PRODUCER, 102, 0);
        handed.add(PRODUCER, 103, 1);
        assertEquals(3, handed.count());
        assertEquals(100, JournalBatch.runLength(handed.buffer(), 0, 0));
        try (DedupJournal journal = new DedupJournal(dir))
        {
            journal.record(handed);
            record(journal, JournalBatch.PROCESSED, 1, 2, 3, 4, 5, 102);
        }
        try (DedupJournal journal = new DedupJournal(dir))
        {
            assertFalse(journal.handed().contains(PRODUCER, 5));
            assertTrue(journal.handed().contains(PRODUCER, 6), "handed in the run and not processed");
            assertTrue(journal.handed().contains(PRODUCER, 100));
            assertFalse(journal.handed().contains(PRODUCER, 101));
            assertTrue(journal.handed().contains(PRODUCER, 103));
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(PRODUCER, 100));
            assertEquals(DedupResult.NEW, journal.window().onMessage(PRODUCER, 101));
        }
    }

    @Test
    void shouldReplayBatchRecordsWithoutRuns()
    {
        final DurableLog.Context ctx = new DurableLog.Context().logDir(dir.resolve(DedupJournal.JOURNAL_DIR_NAME))
            .fsyncPolicy(FsyncPolicy.NEVER);
        try (DurableLog log = DurableLog.open(ctx))
        {
            log.append(batchWithoutRuns(JournalBatch.HANDED, 1, 2, 3), 0, 8 + 3 * 24);
            log.append(batchWithoutRuns(JournalBatch.PROCESSED, 1, 3), 0, 8 + 2 * 24);
        }
        try (DedupJournal journal = new DedupJournal(dir))
        {
            assertEquals(List.of(PRODUCER + ":2"), inDoubt(journal));
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(PRODUCER, 3));
            assertEquals(DedupResult.NEW, journal.window().onMessage(PRODUCER, 4));
        }
    }

    @Test
    void shouldCountRecordsOfTheFirstJournalFormatAsProcessed()
    {
        final DurableLog.Context ctx = new DurableLog.Context().logDir(dir.resolve(DedupJournal.JOURNAL_DIR_NAME))
            .fsyncPolicy(FsyncPolicy.NEVER);
        try (DurableLog log = DurableLog.open(ctx))
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[24]);
            record.putLong(0, PRODUCER);
            record.putLong(8, 5);
            record.putLong(16, 4);
            log.append(record, 0, 24);
        }
        try (DedupJournal journal = new DedupJournal(dir))
        {
            assertEquals(List.of(), inDoubt(journal));
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(PRODUCER, 5));
            assertEquals(DedupResult.NEW, journal.window().onMessage(PRODUCER, 6));
        }
    }

    private static UnsafeBuffer batchWithoutRuns(final int kind, final long... sequences)
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[8 + sequences.length * 24]);
        record.putInt(0, kind);
        record.putInt(4, sequences.length);
        for (int i = 0; i < sequences.length; i++)
        {
            record.putLong(8 + i * 24, PRODUCER);
            record.putLong(8 + i * 24 + 8, sequences[i]);
            record.putLong(8 + i * 24 + 16, 0);
        }
        return record;
    }

    private static List<String> inDoubt(final DedupJournal journal)
    {
        final List<String> pairs = new ArrayList<>();
        journal.handed().forEach((producerId, sequence) -> pairs.add(producerId + ":" + sequence));
        return pairs;
    }

    private static void record(final DedupJournal journal, final int kind, final long... sequences)
    {
        final JournalBatch batch = new JournalBatch(kind);
        for (final long sequence : sequences)
        {
            batch.add(PRODUCER, sequence, 0);
        }
        journal.record(batch);
    }
}
