package dev.petrel.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Helpers every trial shares: the payload bytes and waiting for a connection.
 */
final class TrialSupport
{
    private TrialSupport()
    {
    }

    /**
     * @param length payload bytes.
     * @return a payload of that length with a repeating, non-zero byte pattern.
     */
    static byte[] filled(final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)('a' + i % 26);
        }
        return bytes;
    }

    /**
     * Waits until a socket has a peer.
     *
     * @param peers   how many peers the socket has now.
     * @param timeout how long to wait.
     * @param what    names the socket in the error.
     * @throws IllegalStateException at the timeout.
     */
    static void awaitPeer(final IntSupplier peers, final Duration timeout, final String what)
    {
        final long deadlineNs = System.nanoTime() + timeout.toNanos();
        while (peers.getAsInt() < 1)
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new IllegalStateException(what + " did not connect within " + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
