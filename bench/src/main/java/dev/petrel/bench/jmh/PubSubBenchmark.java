package dev.petrel.bench.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.petrel.BackPressurePolicy;
import dev.petrel.Node;
import dev.petrel.NodeContext;
import dev.petrel.Publisher;
import dev.petrel.Subscriber;
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
 * The steady-state pub/sub path with the buffer API: {@link Publisher#publish(String, org.agrona.DirectBuffer, int,
 * int)} on subject {@code bench.data} from the benchmark thread to an inproc {@link Subscriber} whose zero-copy
 * subscription {@code bench.>} counts on the node's I/O thread (idle strategy backoff, the default; or
 * {@code -p idle=busy-spin}). The publisher blocks at the high-water mark instead of dropping, so the score is the
 * cost per delivered message. {@code gc.alloc.rate.norm} counts every thread, the I/O thread included, and must stay
 * at about 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class PubSubBenchmark
{
    private static final String SUBJECT = "bench.data";

    @Param({ "64", "1024" })
    int payloadLength;

    @Param({ "backoff" })
    String idle;

    private final CountingBufferHandler handler = new CountingBufferHandler();
    private Node node;
    private Publisher publisher;
    private UnsafeBuffer payload;

    /**
     * Starts a node, joins a subscriber to a publisher over inproc and waits for the subscription to arrive.
     */
    @Setup
    public void setUp()
    {
        payload = new UnsafeBuffer(new byte[payloadLength]);
        node = Node.create(new NodeContext().idleStrategy(idle));
        publisher = node.publisher().backPressure(BackPressurePolicy.BLOCK).sendTimeout(Duration.ofSeconds(10));
        publisher.bind("inproc://jmh-pub-sub");
        final Subscriber subscriber = node.subscriber();
        subscriber.subscribe("bench.>", handler);
        subscriber.connect("inproc://jmh-pub-sub");
        if (!publisher.awaitSubscribers(1, Duration.ofSeconds(30)))
        {
            throw new IllegalStateException("the subscription did not arrive");
        }
    }

    /**
     * Checks every message arrived, then closes the node.
     */
    @TearDown
    public void tearDown()
    {
        final long sent = publisher.stats().sent();
        Awaits.until(() -> handler.messages() == sent, "all " + sent + " messages to arrive");
        node.close();
    }

    /**
     * Publishes one message.
     *
     * @return how many subscribers it was queued for.
     */
    @Benchmark
    public int publish()
    {
        return publisher.publish(SUBJECT, payload, 0, payloadLength);
    }
}
