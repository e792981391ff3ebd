package dev.petrel.bench;

import java.time.Duration;

import dev.petrel.Node;
import dev.petrel.NodeContext;
import dev.petrel.Puller;
import dev.petrel.Pusher;
import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Petrel durable push/pull in one node over TCP: the pusher appends each message to a side log (in a fresh temporary
 * directory, under the fsync policy given) before the I/O thread delivers it, and a named durable puller drops
 * duplicates, journals and acknowledges, a read pass at a time, the messages it counts in its I/O-thread
 * {@link dev.petrel.Message} callback. Everything is deleted on close.
 */
public final class DurablePushPullTrial implements ThroughputTrial
{
    private final ReceiveCounter counter = new ReceiveCounter();
    private final TempDirectory dir = new TempDirectory("petrel-durable-bench-");
    private final UnsafeBuffer payload;
    private final Node node;
    private final Pusher pusher;

    /**
     * Connects a durable pusher to a durable puller and waits for the connection.
     *
     * @param messageLength payload bytes per message.
     * @param fsyncPolicy   when the side log forces appended records to storage.
     * @param idleStrategy  the node's I/O idle strategy.
     * @param setupTimeout  how long connecting may take.
     */
    public DurablePushPullTrial(
        final int messageLength, final FsyncPolicy fsyncPolicy, final String idleStrategy, final Duration setupTimeout)
    {
        payload = new UnsafeBuffer(TrialSupport.filled(messageLength));
        node = Node.create(new NodeContext().idleStrategy(idleStrategy));
        try
        {
            final Puller puller = node.puller().durable("bench", dir.path().resolve("puller"))
                .handler(message -> counter.countIf(message.payload().length == messageLength));
            pusher = node.pusher().durable(new DurableLog.Context().logDir(dir.path().resolve("log"))
                .fsyncPolicy(fsyncPolicy));
            pusher.connect(puller.bind("tcp://127.0.0.1:0"));
            TrialSupport.awaitPeer(pusher::peerCount, setupTimeout, "Petrel durable pusher");
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    @Override
    public Measurement run(final PassPlan plan)
    {
        pusher.sendTimeout(Duration.ofNanos(plan.timeCapNs()));
        return counter.measure(plan, this::send);
    }

    private long send(final long messages, final long deadlineNs)
    {
        final int length = payload.capacity();
        long sent = 0;
        while (sent < messages)
        {
            pusher.send(payload, 0, length);
            sent++;
            if (0 == sent % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
            {
                break;
            }
        }
        return sent;
    }

    @Override
    public void close()
    {
        if (null != node)
        {
            node.close();
        }
        dir.close();
    }
}
