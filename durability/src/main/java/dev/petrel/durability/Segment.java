/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import java.nio.file.Path;

/**
 * State of one segment file: its sequence range, length and sparse index.
 * <p>
 * The appender is the single writer; readers see a consistent prefix because {@link #length()} is published last.
 */
final class Segment
{
    private final Path file;
    private final long firstSequence;
    private final SparseIndex index;
    private volatile long lastSequence;
    private volatile long lastTimestampNs;
    private volatile long length;
    private volatile boolean sealed;

    Segment(final Path file, final long firstSequence, final SparseIndex index)
    {
        this.file = file;
        this.firstSequence = firstSequence;
        this.index = index;
        this.lastSequence = firstSequence - 1;
    }

    Path file()
    {
        return file;
    }

    long firstSequence()
    {
        return firstSequence;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    long length()
    {
        return length;
    }

    boolean sealed()
    {
        return sealed;
    }

    SparseIndex index()
    {
        return index;
    }

    void onAppend(final long sequence, final long timestampNs, final long newLength)
    {
        lastTimestampNs = timestampNs;
        lastSequence = sequence;
        length = newLength;
    }

    void seal()
    {
        sealed = true;
    }

    public String toString()
    {
        return "Segment{file=" + file.getFileName() + ", first=" + firstSequence + ", last=" + lastSequence +
            ", length=" + length + ", sealed=" + sealed + "}";
    }
}
