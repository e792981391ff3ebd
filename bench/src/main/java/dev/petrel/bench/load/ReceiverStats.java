/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.bench.load;

import java.util.concurrent.TimeUnit;

import dev.petrel.BufferHandler;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * Counts what one receiver gets and records each measured message's latency, arrival time minus the intended send
 * time stamped in its payload, in nanoseconds. Warm-up messages are only counted; probes are ignored. One thread
 * calls {@link #onMessage}; others may read the counts at any time, and the histogram once the run is over.
 */
final class ReceiverStats implements BufferHandler
{
    /** Latencies above this are recorded as this. */
    static final long HIGHEST_TRACKABLE_NS = TimeUnit.MINUTES.toNanos(5);

    private final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NS, 3);
    private final NanoClock clock;
    private volatile long measured;
    private volatile long warmup;
    private volatile long firstArrivalNs;
    private volatile long lastArrivalNs;
    private long bytes;

    /**
     * @param clock the clock the senders stamp with.
     */
    ReceiverStats(final NanoClock clock)
    {
        this.clock = clock;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        final long now = clock.nanoTime();
        final byte phase = buffer.getByte(offset + StampDescriptor.PHASE_OFFSET);
        if (StampDescriptor.PHASE_MEASURED == phase)
        {
            record(now - buffer.getLong(offset + StampDescriptor.SEND_TIME_OFFSET));
            bytes += length;
            if (0 == measured)
            {
                firstArrivalNs = now;
            }
            lastArrivalNs = now;
            measured = measured + 1;
        }
        else if (StampDescriptor.PHASE_WARMUP == phase)
        {
            warmup = warmup + 1;
        }
    }

    /**
     * Records one latency directly.
     *
     * @param latencyNs a latency; negative values count as zero, huge ones as {@link #HIGHEST_TRACKABLE_NS}.
     */
    void record(final long latencyNs)
    {
        histogram.recordValue(Math.min(Math.max(0, latencyNs), HIGHEST_TRACKABLE_NS));
    }

    /**
     * @return measured messages received.
     */
    long measured()
    {
        return measured;
    }

    /**
     * @return warm-up messages received.
     */
    long warmup()
    {
        return warmup;
    }

    /**
     * @return payload bytes of the measured messages received.
     */
    long bytes()
    {
        return bytes;
    }

    /**
     * @return when the first measured message arrived, on the senders' clock; 0 before it.
     */
    long firstArrivalNs()
    {
        return firstArrivalNs;
    }

    /**
     * @return when the last measured message arrived, on the senders' clock; 0 before the first.
     */
    long lastArrivalNs()
    {
        return lastArrivalNs;
    }

    /**
     * @return the latencies recorded, in nanoseconds.
     */
    Histogram histogram()
    {
        return histogram;
    }
}
