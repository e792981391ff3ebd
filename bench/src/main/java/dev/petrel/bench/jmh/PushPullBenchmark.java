package dev.petrel.bench.jmh;

import java.util.concurrent.TimeUnit;

import dev.petrel.Node;
import dev.petrel.NodeContext;
import dev.petrel.Puller;
import dev.petrel.Pusher;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The steady-state push/pull path with the buffer API: {@link Pusher#send(org.agrona.DirectBuffer, int, int)} on the
 * benchmark thread to an inproc {@link Puller} whose zero-copy handler counts on the node's I/O thread (idle strategy
 * backoff, the default; or {@code -p idle=busy-spin}). The sender blocks at the high-water mark, so the score is the
 * cost per delivered message. {@code gc.alloc.rate.norm} counts every thread, the I/O thread included, and must stay
 * at about 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class PushPullBenchmark
{
    @Param({ "64", "1024" })
    int payloadLength;

    @Param({ "backoff" })
    String idle;

    private final CountingBufferHandler handler = new CountingBufferHandler();
    private Node node;
    private Pusher pusher;
    private UnsafeBuffer payload;

    /**
     * Starts a node and joins a pusher to a puller over inproc.
     */
    @Setup
    public void setUp()
    {
        payload = new UnsafeBuffer(new byte[payloadLength]);
        node = Node.create(new NodeContext().idleStrategy(idle));
        final Puller puller = node.puller().bufferHandler(handler);
        puller.bind("inproc://jmh-push-pull");
        pusher = node.pusher();
        pusher.connect("inproc://jmh-push-pull");
        Awaits.until(() -> 1 == pusher.peerCount() && 1 == puller.peerCount(), "the pusher to connect");
    }

    /**
     * Checks every message arrived, then closes the node.
     */
    @TearDown
    public void tearDown()
    {
        final long sent = pusher.stats().sent();
        Awaits.until(() -> handler.messages() == sent, "all " + sent + " messages to arrive");
        node.close();
    }

    /**
     * Sends one message.
     */
    @Benchmark
    public void send()
    {
        pusher.send(payload, 0, payloadLength);
    }
}
