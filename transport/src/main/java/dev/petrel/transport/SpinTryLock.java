package dev.petrel.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A non-reentrant lock for a path taken once per message by whichever thread finds it free: taking it is one
 * compare-and-set (none when it is seen held) and releasing it one ordered store, where a
 * {@link java.util.concurrent.locks.ReentrantLock} costs a second atomic on release. {@link #lock()} spins and
 * yields, for the rare caller that must wait (closing).
 */
final class SpinTryLock
{
    private static final VarHandle HELD = VarHandles.field(MethodHandles.lookup(), "held", int.class);

    @SuppressWarnings("unused")
    private volatile int held;

    /**
     * @return true when taken; false when another thread holds it.
     */
    boolean tryLock()
    {
        return 0 == (int)HELD.getAcquire(this) && HELD.compareAndSet(this, 0, 1);
    }

    /**
     * Takes the lock, waiting for its holder to release it.
     */
    void lock()
    {
        while (!tryLock())
        {
            Thread.yield();
        }
    }

    /**
     * Releases the lock; only its holder may call this.
     */
    void unlock()
    {
        HELD.setRelease(this, 0);
    }
}
