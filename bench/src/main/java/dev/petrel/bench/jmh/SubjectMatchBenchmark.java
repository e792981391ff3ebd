package dev.petrel.bench.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
 * How a publisher decides who gets a subject when one subscriber holds many subscriptions: an inproc
 * {@link Subscriber} subscribes {@code subscriptions} zero-copy patterns {@code bench.t<i>.data} (every fourth one
 * {@code bench.t<i>.*} instead), and the benchmark thread publishes 16-byte messages on {@code bench.t<mid>.data},
 * which exactly one of them matches. The whole publish path is measured (blocking at the high-water mark), so the
 * growth from 1 to 10,000 subscriptions is what selecting the targets costs. Idle strategy as in
 * {@link PubSubBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class SubjectMatchBenchmark
{
    private static final int PAYLOAD_LENGTH = 16;
    private static final int SUBSCRIBE_BATCH = 200;

    @Param({ "1", "100", "10000" })
    int subscriptions;

    @Param({ "backoff" })
    String idle;

    private final CountingBufferHandler handler = new CountingBufferHandler();
    private final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD_LENGTH]);
    private Node node;
    private Publisher publisher;
    private String subject;
    private long probes;
    private long sentAtStart;

    /**
     * Starts a node, joins a subscriber to a publisher over inproc and subscribes in batches, waiting for each
     * batch to reach the publisher (a subscriber sends subscriptions without waiting for room).
     */
    @Setup
    public void setUp()
    {
        node = Node.create(new NodeContext().idleStrategy(idle));
        publisher = node.publisher().backPressure(BackPressurePolicy.BLOCK).sendTimeout(Duration.ofSeconds(10));
        publisher.bind("inproc://jmh-subject-match");
        final Subscriber subscriber = node.subscriber();
        subscriber.connect("inproc://jmh-subject-match");
        for (int i = 0; i < subscriptions; i++)
        {
            subscriber.subscribe(pattern(i), handler);
            if (i % SUBSCRIBE_BATCH == SUBSCRIBE_BATCH - 1 || i == subscriptions - 1)
            {
                awaitMatch("bench.t" + i + ".data");
            }
        }
        Awaits.until(() -> handler.messages() == probes, "the probe messages to arrive");
        subject = "bench.t" + subscriptions / 2 + ".data";
        sentAtStart = publisher.stats().sent();
    }

    private static String pattern(final int i)
    {
        return i % 4 == 3 ? "bench.t" + i + ".*" : "bench.t" + i + ".data";
    }

    private void awaitMatch(final String probe)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (0 == publisher.publish(probe, payload, 0, PAYLOAD_LENGTH))
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("subscription for " + probe + " did not arrive");
            }
            LockSupport.parkNanos(100_000);
        }
        probes++;
    }

    /**
     * Checks every published message arrived, then closes the node.
     */
    @TearDown
    public void tearDown()
    {
        final long expected = probes + publisher.stats().sent() - sentAtStart;
        Awaits.until(() -> handler.messages() == expected, "all " + expected + " messages to arrive");
        node.close();
    }

    /**
     * Publishes one message that one subscription matches.
     *
     * @return how many subscribers it was queued for.
     */
    @Benchmark
    public int publish()
    {
        return publisher.publish(subject, payload, 0, PAYLOAD_LENGTH);
    }
}
