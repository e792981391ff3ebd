package dev.petrel;

import java.nio.file.Path;

import dev.petrel.durability.DedupWindow;
import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import dev.petrel.durability.LogReader;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * A durable puller's memory of what it handed to the application and what the application processed: a
 * {@link DedupWindow} of every message handed over, the set of those handed over and not known to be processed,
 * and a journal (a {@link DurableLog} in {@value #JOURNAL_DIR_NAME}) of {@link JournalBatch} records that both are
 * rebuilt from after a restart. A message is journalled as handed before the application can see it and as
 * processed before it is acknowledged, so after a crash of the process every message is either processed (dropped
 * when it comes again), in doubt (handed, maybe processed: handed over again as redelivered) or new.
 * <p>
 * The window is checkpointed now and then to {@value #CHECKPOINT_FILE_NAME}, the messages in doubt are journalled
 * again after it, and the journal before them is left to retention. The journal is written without forcing, so it
 * survives a process crash without blocking the writer; after a host crash, messages processed shortly before may
 * be processed again without being marked as redelivered.
 * <p>
 * Owned by the I/O thread.
 */
final class DedupJournal implements AutoCloseable
{
    static final String CHECKPOINT_FILE_NAME = "dedup.dat";
    static final String JOURNAL_DIR_NAME = "journal";
    /**
     * Journal entries between checkpoints; an entry is a run of consecutive messages (see {@link JournalBatch}), so
     * an in-order stream checkpoints (and forces the window file) rarely, and a restart replays at most this many.
     */
    static final long CHECKPOINT_INTERVAL_ENTRIES = 65_536;

    /**
     * Records of the first journal format: one processed message, producer ID · sequence · base.
     */
    private static final int SINGLE_RECORD_LENGTH = 24;
    private static final String CHECKPOINT_CURSOR = "checkpoint";

    private final Path checkpointFile;
    private final DurableLog journal;
    private final DedupWindow window;
    private final SequenceSet handed = new SequenceSet();
    private final Long2LongHashMap bases = new Long2LongHashMap(0);
    private final JournalBatch rewritten = new JournalBatch(JournalBatch.HANDED);
    private long entriesSinceCheckpoint;

    DedupJournal(final Path stateDir)
    {
        this.checkpointFile = stateDir.resolve(CHECKPOINT_FILE_NAME);
        this.journal = DurableLog.open(new DurableLog.Context()
            .logDir(stateDir.resolve(JOURNAL_DIR_NAME))
            .fsyncPolicy(FsyncPolicy.NEVER)
            .segmentLength(1024 * 1024)
            .maxPayloadLength(JournalBatch.MAX_LENGTH));
        try
        {
            this.window = DedupWindow.load(checkpointFile);
            journal.receivers().register(CHECKPOINT_CURSOR);
            replay();
        }
        catch (final RuntimeException ex)
        {
            journal.close();
            throw ex;
        }
    }

    private void replay()
    {
        try (LogReader reader = journal.reader(journal.firstSequence()))
        {
            int read;
            do
            {
                read = reader.poll((buffer, offset, length, sequence, timestampNs) -> apply(buffer, offset, length),
                    4096);
            }
            while (read > 0);
        }
    }

    private void apply(final DirectBuffer buffer, final int offset, final int length)
    {
        if (SINGLE_RECORD_LENGTH == length)
        {
            onEntry(JournalBatch.PROCESSED, buffer.getLong(offset), buffer.getLong(offset + 8),
                buffer.getLong(offset + 16));
            return;
        }
        final int kind = JournalBatch.kind(buffer, offset);
        for (int i = 0, n = JournalBatch.count(buffer, offset); i < n; i++)
        {
            final long producerId = JournalBatch.producerId(buffer, offset, i);
            final long first = JournalBatch.sequence(buffer, offset, i);
            final long base = JournalBatch.base(buffer, offset, i);
            for (long sequence = first, end = first + JournalBatch.runLength(buffer, offset, i); sequence < end;
                sequence++)
            {
                onEntry(kind, producerId, sequence, base);
            }
        }
    }

    private void onEntry(final int kind, final long producerId, final long sequence, final long base)
    {
        onBase(producerId, base);
        window.onMessage(producerId, sequence);
        if (JournalBatch.HANDED == kind)
        {
            handed.add(producerId, sequence);
        }
        else
        {
            handed.remove(producerId, sequence);
        }
    }

    /**
     * @return every message handed to the application, processed or not.
     */
    DedupWindow window()
    {
        return window;
    }

    /**
     * Counts every message of a producer up to a base the producer announced as seen: it vouches that they were
     * all processed, by this receiver or another.
     */
    void onBase(final long producerId, final long base)
    {
        window.advance(producerId, base);
        if (base > bases.get(producerId))
        {
            bases.put(producerId, base);
        }
    }

    /**
     * @return the messages handed to the application and not known to be processed; the caller adds each message
     *         it hands over and removes each it journals as processed.
     */
    SequenceSet handed()
    {
        return handed;
    }

    /**
     * Appends a batch as one record; it reaches the file before this returns.
     */
    void record(final JournalBatch batch)
    {
        journal.append(batch.buffer(), 0, batch.length());
        entriesSinceCheckpoint += batch.count();
    }

    /**
     * Once enough entries have accumulated: saves the window, journals again the messages still in doubt (dropping
     * those the pushers' bases vouch for), and lets retention free the journal before them.
     */
    void checkpointIfDue()
    {
        if (entriesSinceCheckpoint < CHECKPOINT_INTERVAL_ENTRIES)
        {
            return;
        }
        window.save(checkpointFile);
        final long covered = journal.lastSequence();
        bases.forEachLong(handed::removeThrough);
        handed.forEach((producerId, sequence) ->
        {
            rewritten.add(producerId, sequence, bases.get(producerId));
            if (rewritten.isFull())
            {
                record(rewritten);
                rewritten.clear();
            }
        });
        if (!rewritten.isEmpty())
        {
            record(rewritten);
            rewritten.clear();
        }
        journal.receivers().ack(CHECKPOINT_CURSOR, covered);
        entriesSinceCheckpoint = 0;
    }

    @Override
    public void close()
    {
        journal.close();
    }
}
