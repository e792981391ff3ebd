package dev.petrel;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One record of a {@link DedupJournal}, built in a reused buffer and appended whole, so a batch of messages costs
 * one write. Consecutive messages of one producer announced with the same base share one entry, a run, so an
 * in-order stream journals a few dozen bytes per batch rather than a few bytes per message:
 * <pre>
 *  kind | RUNS (4) · entry count (4) · per entry: producer ID (8) · first sequence (8) · base (8) · run length (8)
 * </pre>
 * All fields are in native order. Records of the earlier format, without the {@link #RUNS} flag, hold one message
 * per entry and no run length:
 * <pre>
 *  kind (4) · entry count (4) · per entry: producer ID (8) · sequence (8) · base (8)
 * </pre>
 * {@link #HANDED} entries were handed to the application (to the handler or the receive queue) and are in doubt
 * until a {@link #PROCESSED} entry for the same message follows. The base is the one the pusher announced with the
 * message. Owned by the I/O thread.
 */
final class JournalBatch
{
    static final int HANDED = 1;
    static final int PROCESSED = 2;
    static final int MAX_ENTRIES = 256;
    static final int HEADER_LENGTH = 8;
    static final int ENTRY_LENGTH = 32;
    static final int MAX_LENGTH = HEADER_LENGTH + MAX_ENTRIES * ENTRY_LENGTH;

    /** Set in the kind field of records whose entries are runs. */
    static final int RUNS = 0x100;

    private static final int SINGLE_ENTRY_LENGTH = 24;
    private static final int COUNT_OFFSET = 4;
    private static final int SEQUENCE_OFFSET = 8;
    private static final int BASE_OFFSET = 16;
    private static final int RUN_LENGTH_OFFSET = 24;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MAX_LENGTH]);
    private int count;
    private long lastProducerId;
    private long lastBase;
    private long nextSequence;
    private long lastRunLength;

    JournalBatch(final int kind)
    {
        buffer.putInt(0, kind | RUNS);
    }

    /**
     * Adds a message, extending the last run when it is the next sequence of the same producer with the same base.
     */
    void add(final long producerId, final long sequence, final long base)
    {
        if (count > 0 && producerId == lastProducerId && base == lastBase && sequence == nextSequence)
        {
            lastRunLength++;
            nextSequence = sequence + 1;
            return;
        }
        sealLastRun();
        final int at = HEADER_LENGTH + count * ENTRY_LENGTH;
        buffer.putLong(at, producerId);
        buffer.putLong(at + SEQUENCE_OFFSET, sequence);
        buffer.putLong(at + BASE_OFFSET, base);
        count++;
        lastRunLength = 1;
        lastProducerId = producerId;
        lastBase = base;
        nextSequence = sequence + 1;
    }

    /**
     * Writes the length of the last run and the entry count, which {@link #add} keeps in fields while the run grows.
     */
    private void sealLastRun()
    {
        if (count > 0)
        {
            buffer.putLong(HEADER_LENGTH + (count - 1) * ENTRY_LENGTH + RUN_LENGTH_OFFSET, lastRunLength);
        }
        buffer.putInt(COUNT_OFFSET, count);
    }

    boolean isEmpty()
    {
        return 0 == count;
    }

    boolean isFull()
    {
        return MAX_ENTRIES == count;
    }

    /**
     * @return entries (runs) in the batch.
     */
    int count()
    {
        return count;
    }

    void clear()
    {
        count = 0;
        buffer.putInt(COUNT_OFFSET, 0);
    }

    /**
     * @return the batch encoded as a journal record, from offset zero for {@link #length()} bytes.
     */
    DirectBuffer buffer()
    {
        sealLastRun();
        return buffer;
    }

    int length()
    {
        return HEADER_LENGTH + count * ENTRY_LENGTH;
    }

    /**
     * @return {@link #HANDED} or {@link #PROCESSED}, in either format.
     */
    static int kind(final DirectBuffer src, final int offset)
    {
        return src.getInt(offset) & ~RUNS;
    }

    static int count(final DirectBuffer src, final int offset)
    {
        return src.getInt(offset + COUNT_OFFSET);
    }

    static long producerId(final DirectBuffer src, final int offset, final int entry)
    {
        return src.getLong(entryOffset(src, offset, entry));
    }

    /**
     * @return the first sequence of the entry's run.
     */
    static long sequence(final DirectBuffer src, final int offset, final int entry)
    {
        return src.getLong(entryOffset(src, offset, entry) + SEQUENCE_OFFSET);
    }

    static long base(final DirectBuffer src, final int offset, final int entry)
    {
        return src.getLong(entryOffset(src, offset, entry) + BASE_OFFSET);
    }

    /**
     * @return how many consecutive sequences the entry covers: 1 in a record of the earlier format.
     */
    static long runLength(final DirectBuffer src, final int offset, final int entry)
    {
        return isRuns(src, offset) ? src.getLong(entryOffset(src, offset, entry) + RUN_LENGTH_OFFSET) : 1;
    }

    private static boolean isRuns(final DirectBuffer src, final int offset)
    {
        return 0 != (src.getInt(offset) & RUNS);
    }

    private static int entryOffset(final DirectBuffer src, final int offset, final int entry)
    {
        return offset + HEADER_LENGTH + entry * (isRuns(src, offset) ? ENTRY_LENGTH : SINGLE_ENTRY_LENGTH);
    }
}
