package dev.petrel.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.petrel.Node;
import dev.petrel.Pusher;
import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;

/**
 * A durable pusher in a process of its own, for crash tests: binds the endpoint given and sends the numbers after
 * the last one in its log up to the count given, one every pace interval, then keeps serving durable pullers
 * until it is killed. A restarted sender therefore continues where the previous one stopped.
 */
public final class DurableSenderProcess
{
    private DurableSenderProcess()
    {
    }

    /**
     * @param args log directory, endpoint to bind, how many numbers to send, pace in microseconds.
     * @throws InterruptedException never in practice: the process waits until it is killed.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        // Segments of a few hundred records, so that the stream rolls often and kills land in segments that
        // retention freed and the log reused.
        final DurableLog.Context ctx = new DurableLog.Context().logDir(Path.of(args[0]))
            .fsyncPolicy(FsyncPolicy.INTERVAL).segmentLength(4096).maxPayloadLength(1024);
        final int total = Integer.parseInt(args[2]);
        final long paceNs = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(args[3]));
        final long last;
        try (DurableLog log = DurableLog.open(ctx.clone()))
        {
            last = log.lastSequence();
        }
        try (Node node = Node.create(Tests.fastContext()))
        {
            final Pusher pusher = node.pusher().durable(ctx).sendTimeout(Duration.ofMinutes(5));
            pusher.bind(args[1]);
            for (long number = last + 1; number <= total; number++)
            {
                pusher.send(Long.toString(number));
                // Paced on purpose, so that kills land while the stream is flowing.
                LockSupport.parkNanos(paceNs);
            }
            new CountDownLatch(1).await();
        }
    }
}
