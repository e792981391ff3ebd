package dev.petrel;

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
        final long total = DedupJournal.CHECKPOINT_INTERVAL_ENTRIES + 10;
        try (DedupJournal journal = new DedupJournal(dir))
        {
            final JournalBatch handed = new JournalBatch(JournalBatch.HANDED);
            final JournalBatch processed = new JournalBatch(JournalBatch.PROCESSED);
            for (long sequence = 1; sequence <= total; sequence++)
            {
                handed.add(PRODUCER, sequence, 0);
                journal.handed().add(PRODUCER, sequence);
                journal.window().onMessage(PRODUCER, sequence);
                if (sequence != 7)
                {
                    processed.add(PRODUCER, sequence, 0);
                    journal.handed().remove(PRODUCER, sequence);
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
        try (DedupJournal journal = new DedupJournal(dir))
        {
            assertEquals(List.of(PRODUCER + ":7"), inDoubt(journal));
            assertEquals(DedupResult.DUPLICATE, journal.window().onMessage(PRODUCER, total));
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
