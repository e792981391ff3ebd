package dev.petrel;

import java.nio.file.Path;

import dev.petrel.durability.DedupWindow;
import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import dev.petrel.durability.LogReader;
import org.agrona.MutableDirectBuffer;

/**
 * A durable puller's memory of what it processed: a {@link DedupWindow} checkpointed now and then to
 * {@value #CHECKPOINT_FILE_NAME}, plus a journal (a {@link DurableLog} in {@value #JOURNAL_DIR_NAME}) with one
 * record per processed message written after the message is processed and before it is acknowledged:
 * <pre>
 *  producer ID (8) · sequence (8) · base (8)     native order
 * </pre>
 * Opening loads the checkpoint and replays the journal into it (replaying is idempotent). The journal is written
 * without forcing, so it survives a process crash without blocking the writer; after a host crash, messages
 * processed shortly before may be processed again. Checkpoints let retention free old journal segments.
 * <p>
 * {@link #record} is thread safe (one scratch buffer per calling thread); the window and
 * {@link #checkpointIfDue()} belong to the I/O thread.
 */
final class DedupJournal implements AutoCloseable
{
    static final String CHECKPOINT_FILE_NAME = "dedup.dat";
    static final String JOURNAL_DIR_NAME = "journal";
    static final int RECORD_LENGTH = 24;
    static final long CHECKPOINT_INTERVAL_RECORDS = 65_536;

    private static final String CHECKPOINT_CURSOR = "checkpoint";

    private final Path checkpointFile;
    private final DurableLog journal;
    private final DedupWindow window;
    private long checkpointedSequence;

    DedupJournal(final Path stateDir)
    {
        this.checkpointFile = stateDir.resolve(CHECKPOINT_FILE_NAME);
        this.journal = DurableLog.open(new DurableLog.Context()
            .logDir(stateDir.resolve(JOURNAL_DIR_NAME))
            .fsyncPolicy(FsyncPolicy.NEVER)
            .segmentLength(1024 * 1024)
            .maxPayloadLength(RECORD_LENGTH));
        try
        {
            this.window = DedupWindow.load(checkpointFile);
            journal.receivers().register(CHECKPOINT_CURSOR);
            checkpointedSequence = journal.receivers().ackedSequence(CHECKPOINT_CURSOR);
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
                read = reader.poll((buffer, offset, length, sequence, timestampNs) ->
                {
                    final long producerId = buffer.getLong(offset);
                    window.advance(producerId, buffer.getLong(offset + 16));
                    window.onMessage(producerId, buffer.getLong(offset + 8));
                }, 4096);
            }
            while (read > 0);
        }
    }

    DedupWindow window()
    {
        return window;
    }

    /**
     * Records a processed message.
     *
     * @param scratch of the calling thread, at least {@value #RECORD_LENGTH} bytes.
     */
    void record(final MutableDirectBuffer scratch, final long producerId, final long sequence, final long base)
    {
        scratch.putLong(0, producerId);
        scratch.putLong(8, sequence);
        scratch.putLong(16, base);
        journal.append(scratch, 0, RECORD_LENGTH);
    }

    /**
     * Saves the window and lets retention free the journal it covers, once enough records have accumulated. Call
     * only when every message the window counts as seen has been recorded.
     */
    void checkpointIfDue()
    {
        final long last = journal.lastSequence();
        if (last - checkpointedSequence >= CHECKPOINT_INTERVAL_RECORDS)
        {
            window.save(checkpointFile);
            journal.receivers().ack(CHECKPOINT_CURSOR, last);
            checkpointedSequence = last;
        }
    }

    @Override
    public void close()
    {
        journal.close();
    }
}
