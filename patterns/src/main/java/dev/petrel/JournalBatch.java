package dev.petrel;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One record of a {@link DedupJournal}, built in a reused buffer and appended whole, so a batch of messages costs
 * one write:
 * <pre>
 *  kind (4) · entry count (4) · per entry: producer ID (8) · sequence (8) · base (8)     native order
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
    static final int ENTRY_LENGTH = 24;
    static final int MAX_LENGTH = HEADER_LENGTH + MAX_ENTRIES * ENTRY_LENGTH;

    private static final int COUNT_OFFSET = 4;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MAX_LENGTH]);
    private int count;

    JournalBatch(final int kind)
    {
        buffer.putInt(0, kind);
    }

    void add(final long producerId, final long sequence, final long base)
    {
        final int at = entryOffset(0, count);
        buffer.putLong(at, producerId);
        buffer.putLong(at + 8, sequence);
        buffer.putLong(at + 16, base);
        count++;
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

    int count()
    {
        return count;
    }

    void clear()
    {
        count = 0;
        buffer.putInt(COUNT_OFFSET, 0);
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    int length()
    {
        return HEADER_LENGTH + count * ENTRY_LENGTH;
    }

    static int kind(final DirectBuffer src, final int offset)
    {
        return src.getInt(offset);
    }

    static int count(final DirectBuffer src, final int offset)
    {
        return src.getInt(offset + COUNT_OFFSET);
    }

    static long producerId(final DirectBuffer src, final int offset, final int entry)
    {
        return src.getLong(entryOffset(offset, entry));
    }

    static long sequence(final DirectBuffer src, final int offset, final int entry)
    {
        return src.getLong(entryOffset(offset, entry) + 8);
    }

    static long base(final DirectBuffer src, final int offset, final int entry)
    {
        return src.getLong(entryOffset(offset, entry) + 16);
    }

    private static int entryOffset(final int offset, final int entry)
    {
        return offset + HEADER_LENGTH + entry * ENTRY_LENGTH;
    }
}
