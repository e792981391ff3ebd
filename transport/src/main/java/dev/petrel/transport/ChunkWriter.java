package dev.petrel.transport;

import java.util.function.BooleanSupplier;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Streams one large encoded message into a ring buffer as a run of chunk records, waiting for room between
 * chunks. Used only for messages larger than one ring record.
 */
final class ChunkWriter
{
    private final RingBuffer ring;
    private final BooleanSupplier closed;
    private final Runnable waker;
    private long remaining;
    private int index;
    private int claimed;
    private int filled;

    ChunkWriter(final RingBuffer ring, final long length, final BooleanSupplier closed, final Runnable waker)
    {
        this.ring = ring;
        this.remaining = length;
        this.closed = closed;
        this.waker = waker;
    }

    boolean write(final DirectBuffer src, final int offset, final int length)
    {
        int done = 0;
        while (done < length)
        {
            if (filled == claimed && !claimNext())
            {
                return false;
            }
            final int n = Math.min(length - done, claimed - filled);
            ring.buffer().putBytes(index + filled, src, offset + done, n);
            filled += n;
            done += n;
            if (filled == claimed)
            {
                ring.commit(index);
                waker.run();
            }
        }
        return true;
    }

    boolean finish()
    {
        return 0 == remaining && filled == claimed;
    }

    private boolean claimNext()
    {
        final int length = (int)Math.min(remaining, ring.maxMsgLength());
        final int type = remaining == length ? Pipe.RECORD_LAST : Pipe.RECORD_CHUNK;
        int attempts = 0;
        while (true)
        {
            final int claim = ring.tryClaim(type, length);
            if (claim > 0)
            {
                index = claim;
                claimed = length;
                filled = 0;
                remaining -= length;
                return true;
            }
            if (closed.getAsBoolean())
            {
                return false;
            }
            waker.run();
            if (++attempts < 100)
            {
                Thread.onSpinWait();
            }
            else
            {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000);
            }
        }
    }
}
