package dev.petrel.bench.jmh;

import java.util.concurrent.TimeUnit;

import dev.petrel.patterns.PublisherPeer;
import dev.petrel.patterns.SubjectPattern;
import dev.petrel.patterns.SubscriptionCommand;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Selecting the subscriptions of one subscriber that match a subject, on one thread and without the network: the
 * same patterns and subject as {@link SubjectMatchBenchmark}. {@code index} is what a publisher does,
 * {@link PublisherPeer#match(String)} through its subject trie; {@code linearScan} is the earlier way, every
 * pattern's {@link SubjectPattern#matches(String)} in turn, kept as the baseline. Both should allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class PublisherPeerMatchBenchmark
{
    @Param({ "1", "100", "10000" })
    int subscriptions;

    private final PublisherPeer peer = new PublisherPeer();
    private String subject;

    /**
     * Adds the subscriptions and builds the trie once.
     */
    @Setup
    public void setUp()
    {
        for (int i = 0; i < subscriptions; i++)
        {
            final String pattern = i % 4 == 3 ? "bench.t" + i + ".*" : "bench.t" + i + ".data";
            peer.add(new SubscriptionCommand.Subscribe(i + 1, null, SubjectPattern.compile(pattern)));
        }
        subject = "bench.t" + subscriptions / 2 + ".data";
        if (1 != peer.match(subject))
        {
            throw new IllegalStateException("expected one match for " + subject);
        }
    }

    /**
     * @return how many subscriptions matched.
     */
    @Benchmark
    public int index()
    {
        return peer.match(subject);
    }

    /**
     * @return how many subscriptions matched.
     */
    @Benchmark
    public int linearScan()
    {
        int matched = 0;
        for (final SubscriptionCommand.Subscribe s : peer.subscriptions())
        {
            matched += s.pattern().matches(subject) ? 1 : 0;
        }
        return matched;
    }
}
