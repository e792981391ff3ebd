/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.collections.Long2ObjectHashMap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Drops duplicate messages by (producer ID, sequence): per producer it keeps the highest contiguous sequence seen
 * and a bitmap over a ring of the {@value #WINDOW_LENGTH} sequences after it, so messages may arrive out of order
 * within that window. The first message from an unknown producer starts its window, and anything older counts as a
 * duplicate.
 * <p>
 * The window can be saved atomically to a file (written to a temporary file, forced, then renamed) and loaded again
 * so that a restarted receiver still drops what it processed before. Save after processing, before acking. Files
 * written with the earlier 64-sequence window load too.
 * <p>
 * Not thread safe. Tracking a known producer allocates nothing.
 *
 * @since 0.1.0
 */
public final class DedupWindow
{
    /**
     * Number of sequences past the contiguous one that are tracked out of order; a power of two.
     */
    public static final int WINDOW_LENGTH = 4096;

    private static final int MAGIC = 0x44445057;
    private static final int VERSION_MASK = 1;
    private static final int VERSION = 2;
    private static final int MASK_ENTRY_LENGTH = 24;
    private static final int ENTRY_LENGTH = 16 + SequenceWindow.WORD_COUNT * Long.BYTES;
    private static final int HEADER_LENGTH = 12;

    private final Long2ObjectHashMap<SequenceWindow> producers = new Long2ObjectHashMap<>();
    private long lastProducerId;
    private SequenceWindow lastWindow;

    /**
     * Judges a message and records it if new.
     *
     * @param producerId of the message's producer.
     * @param sequence   of the message in the producer's stream.
     * @return whether to process or drop the message.
     */
    public DedupResult onMessage(final long producerId, final long sequence)
    {
        final SequenceWindow window = window(producerId);
        if (null == window)
        {
            producers.put(producerId, new SequenceWindow(sequence));
            return DedupResult.NEW;
        }
        return window.onSequence(sequence);
    }

    /**
     * Counts every sequence of a producer up to and including the given one as seen, for a producer that vouches
     * that they were all processed (by this receiver or another). Starts the producer's window there if it is
     * unknown; does nothing if the window is already past it.
     *
     * @param producerId of the producer.
     * @param sequence   up to which everything counts as seen.
     */
    public void advance(final long producerId, final long sequence)
    {
        final SequenceWindow window = window(producerId);
        if (null == window)
        {
            producers.put(producerId, new SequenceWindow(sequence));
        }
        else
        {
            window.advanceTo(sequence);
        }
    }

    /**
     * Highest sequence up to which every message from a producer has been seen.
     *
     * @param producerId of the producer.
     * @return the sequence, or zero for an unknown producer.
     */
    public long highestContiguousSequence(final long producerId)
    {
        final SequenceWindow window = window(producerId);
        return null == window ? 0 : window.contiguous();
    }

    /**
     * Looks a producer's window up, remembering the last one found: messages mostly come from one producer at a
     * time, and a producer's window, once made, is never replaced or removed.
     */
    private SequenceWindow window(final long producerId)
    {
        if (null != lastWindow && lastProducerId == producerId)
        {
            return lastWindow;
        }
        final SequenceWindow window = producers.get(producerId);
        if (null != window)
        {
            lastProducerId = producerId;
            lastWindow = window;
        }
        return window;
    }

    /**
     * Number of producers tracked.
     *
     * @return the producer count.
     */
    public int producerCount()
    {
        return producers.size();
    }

    /**
     * Saves the window atomically to a file.
     *
     * @param file to write, replaced as a whole.
     */
    public void save(final Path file)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + 4 + producers.size() * ENTRY_LENGTH + 4)
            .order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(VERSION).putInt(WINDOW_LENGTH).putInt(producers.size());
        producers.forEach((producerId, window) ->
        {
            buffer.putLong(producerId).putLong(window.contiguous());
            for (int i = 0; i < SequenceWindow.WORD_COUNT; i++)
            {
                buffer.putLong(window.word(i));
            }
        });
        buffer.putInt(crc(buffer.array(), buffer.position())).flip();
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try
        {
            try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                while (buffer.hasRemaining())
                {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot save dedup window to " + file, ex);
        }
        SegmentFiles.syncDirectory(file.toAbsolutePath().getParent());
    }

    /**
     * Loads a window saved by {@link #save(Path)}, or returns an empty one if the file does not exist.
     *
     * @param file to read.
     * @return the loaded window.
     * @throws DurabilityException if the file is damaged.
     */
    public static DedupWindow load(final Path file)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            return new DedupWindow();
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot load dedup window from " + file, ex);
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER_LENGTH + 4 || buffer.getInt(bytes.length - 4) != crc(bytes, bytes.length - 4) ||
            buffer.getInt() != MAGIC)
        {
            throw new DurabilityException("damaged dedup window file " + file);
        }
        final int version = buffer.getInt();
        if (VERSION_MASK == version)
        {
            return loadMasks(buffer, file);
        }
        if (VERSION != version || buffer.getInt() != WINDOW_LENGTH)
        {
            throw new DurabilityException("unsupported dedup window file " + file);
        }
        return loadRings(buffer, file);
    }

    private static DedupWindow loadRings(final ByteBuffer buffer, final Path file)
    {
        final DedupWindow window = new DedupWindow();
        final int count = buffer.getInt();
        requireEntries(buffer, count, ENTRY_LENGTH, file);
        for (int i = 0; i < count; i++)
        {
            final long producerId = buffer.getLong();
            final SequenceWindow producer = new SequenceWindow(buffer.getLong());
            for (int w = 0; w < SequenceWindow.WORD_COUNT; w++)
            {
                producer.word(w, buffer.getLong());
            }
            window.producers.put(producerId, producer);
        }
        return window;
    }

    /**
     * Reads the first file version: per producer a 64-bit mask whose bit {@code i} is sequence
     * {@code contiguous + 1 + i}.
     */
    private static DedupWindow loadMasks(final ByteBuffer buffer, final Path file)
    {
        final DedupWindow window = new DedupWindow();
        final int count = buffer.getInt();
        requireEntries(buffer, count, MASK_ENTRY_LENGTH, file);
        for (int i = 0; i < count; i++)
        {
            final long producerId = buffer.getLong();
            final long contiguous = buffer.getLong();
            final long mask = buffer.getLong();
            final SequenceWindow producer = new SequenceWindow(contiguous);
            for (int bit = 0; bit < Long.SIZE; bit++)
            {
                if ((mask & (1L << bit)) != 0)
                {
                    producer.mark(contiguous + 1 + bit);
                }
            }
            window.producers.put(producerId, producer);
        }
        return window;
    }

    private static void requireEntries(final ByteBuffer buffer, final int count, final int entryLength, final Path file)
    {
        if (count < 0 || (long)count * entryLength != buffer.remaining() - 4)
        {
            throw new DurabilityException("damaged dedup window file " + file);
        }
    }

    private static int crc(final byte[] bytes, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int)crc.getValue();
    }
}
