/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable map from receiver name to its acknowledged sequence, kept in a memory-mapped file of fixed slots.
 * <pre>
 *  header (64 bytes): magic (int) | version (int) | slot count (int) | used slots (int)
 *  slot (64 bytes):   acked sequence (long) | lost records (long) | name length (int) | name (UTF-8, 44 bytes)
 * </pre>
 * Fields are in native byte order. A slot is filled before the used-slot count that publishes it, and each update
 * is a single aligned 8-byte store,
 * so a crash leaves either the old or the new value. Acknowledgements reach storage lazily; retention forces the
 * file before it deletes segments on the strength of them.
 * <p>
 * Thread safe: any thread may acknowledge while the appender applies retention.
 *
 * @since 0.1.0
 */
public final class ReceiverCursors implements AutoCloseable
{
    /**
     * Longest receiver name in UTF-8 bytes.
     */
    public static final int MAX_NAME_LENGTH = 44;

    private static final int MAGIC = 0x52435250;
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 64;
    private static final int SLOT_LENGTH = 64;
    private static final int SLOT_COUNT_OFFSET = 8;
    private static final int USED_SLOTS_OFFSET = 12;
    private static final int ACKED_OFFSET = 0;
    private static final int LOST_OFFSET = 8;
    private static final int NAME_LENGTH_OFFSET = 16;
    private static final int NAME_OFFSET = 20;

    private final Map<String, Integer> slotByName = new ConcurrentHashMap<>();
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final int slotCount;

    private ReceiverCursors(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        this.buffer = null == mapped ? new UnsafeBuffer(new byte[HEADER_LENGTH]) : new UnsafeBuffer(mapped);
        if (null != mapped && buffer.getInt(0) != MAGIC)
        {
            throw new DurabilityException("not a cursor file (bad magic)");
        }
        this.slotCount = buffer.getInt(SLOT_COUNT_OFFSET);
        final int used = buffer.getIntVolatile(USED_SLOTS_OFFSET);
        for (int i = 0; i < used; i++)
        {
            slotByName.put(nameAt(i), i);
        }
    }

    static ReceiverCursors open(final Path file, final int slotCount, final boolean readOnly)
    {
        try
        {
            if (readOnly)
            {
                return new ReceiverCursors(Files.exists(file) ?
                    IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_ONLY, "cursors") : null);
            }
            if (!Files.exists(file))
            {
                create(file, slotCount);
            }
            return new ReceiverCursors(IoUtil.mapExistingFile(file.toFile(), "cursors"));
        }
        catch (final IllegalStateException ex)
        {
            throw new DurabilityException("cannot map cursor file " + file, ex);
        }
    }

    /**
     * Registers a durable receiver starting from nothing acknowledged; registering an existing name does nothing.
     *
     * @param name of the receiver, at most {@link #MAX_NAME_LENGTH} UTF-8 bytes.
     * @throws IllegalStateException if every slot is taken.
     */
    public synchronized void register(final String name)
    {
        final byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length == 0 || nameBytes.length > MAX_NAME_LENGTH)
        {
            throw new IllegalArgumentException("receiver name must be 1.." + MAX_NAME_LENGTH + " bytes: " + name);
        }
        if (slotByName.containsKey(name))
        {
            return;
        }
        final int slot = buffer.getInt(USED_SLOTS_OFFSET);
        if (slot >= slotCount)
        {
            throw new IllegalStateException("all " + slotCount + " receiver slots are taken");
        }
        final int offset = slotOffset(slot);
        buffer.putLong(offset + ACKED_OFFSET, 0);
        buffer.putLong(offset + LOST_OFFSET, 0);
        buffer.putInt(offset + NAME_LENGTH_OFFSET, nameBytes.length);
        buffer.putBytes(offset + NAME_OFFSET, nameBytes);
        mapped.force();
        buffer.putIntOrdered(USED_SLOTS_OFFSET, slot + 1);
        mapped.force();
        slotByName.put(name, slot);
    }

    /**
     * Acknowledges every sequence up to and including the given one; a lower sequence than already acked is ignored.
     *
     * @param name     of a registered receiver.
     * @param sequence acknowledged cumulatively.
     */
    public void ack(final String name, final long sequence)
    {
        final int offset = slotOffset(slot(name)) + ACKED_OFFSET;
        long current;
        do
        {
            current = buffer.getLongVolatile(offset);
            if (current >= sequence)
            {
                return;
            }
        }
        while (!buffer.compareAndSetLong(offset, current, sequence));
    }

    /**
     * Highest sequence a receiver acknowledged.
     *
     * @param name of a registered receiver.
     * @return the acked sequence, zero if nothing was acked.
     */
    public long ackedSequence(final String name)
    {
        return buffer.getLongVolatile(slotOffset(slot(name)) + ACKED_OFFSET);
    }

    /**
     * Records deleted by size or age retention before a receiver acknowledged them, counted over the log's life.
     *
     * @param name of a registered receiver.
     * @return the number of lost records.
     */
    public long lostRecords(final String name)
    {
        return buffer.getLongVolatile(slotOffset(slot(name)) + LOST_OFFSET);
    }

    /**
     * Whether a receiver is registered.
     *
     * @param name of the receiver.
     * @return true if registered.
     */
    public boolean isRegistered(final String name)
    {
        return slotByName.containsKey(name);
    }

    /**
     * Snapshot of every registered receiver.
     *
     * @return the positions in registration order.
     */
    public List<ReceiverPosition> positions()
    {
        final int used = slotByName.size();
        final List<ReceiverPosition> positions = new ArrayList<>(used);
        for (int i = 0; i < used; i++)
        {
            final int offset = slotOffset(i);
            positions.add(new ReceiverPosition(
                nameAt(i),
                buffer.getLongVolatile(offset + ACKED_OFFSET),
                buffer.getLongVolatile(offset + LOST_OFFSET)));
        }
        return positions;
    }

    /**
     * Closes the cursor file, forcing it first if it is writable.
     */
    public void close()
    {
        if (null != mapped)
        {
            if (!mapped.isReadOnly())
            {
                mapped.force();
            }
            IoUtil.unmap(mapped);
        }
    }

    int count()
    {
        return slotByName.size();
    }

    /**
     * Lowest acked sequence over all receivers.
     *
     * @return the lowest acked sequence, or {@link Long#MAX_VALUE} when no receiver is registered.
     */
    long minAckedSequence()
    {
        long min = Long.MAX_VALUE;
        for (int i = 0, used = slotByName.size(); i < used; i++)
        {
            min = Math.min(min, buffer.getLongVolatile(slotOffset(i) + ACKED_OFFSET));
        }
        return min;
    }

    void addLostRecords(final String name, final long count)
    {
        buffer.getAndAddLong(slotOffset(slot(name)) + LOST_OFFSET, count);
    }

    void force()
    {
        mapped.force();
    }

    private int slot(final String name)
    {
        final Integer slot = slotByName.get(name);
        if (null == slot)
        {
            throw new IllegalArgumentException("unknown receiver: " + name);
        }
        return slot;
    }

    private String nameAt(final int slot)
    {
        final int offset = slotOffset(slot);
        return buffer.getStringWithoutLengthUtf8(offset + NAME_OFFSET, buffer.getInt(offset + NAME_LENGTH_OFFSET));
    }

    private static int slotOffset(final int slot)
    {
        return HEADER_LENGTH + slot * SLOT_LENGTH;
    }

    private static void create(final Path file, final int slotCount)
    {
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH + slotCount * SLOT_LENGTH)
            .order(ByteOrder.nativeOrder());
        header.putInt(MAGIC).putInt(VERSION).putInt(slotCount).clear();
        try
        {
            try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                while (header.hasRemaining())
                {
                    channel.write(header);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new DurabilityException("cannot create cursor file " + file, ex);
        }
        SegmentFiles.syncDirectory(file.getParent());
    }
}
