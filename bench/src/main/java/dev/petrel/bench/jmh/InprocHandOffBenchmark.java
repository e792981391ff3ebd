package dev.petrel.bench.jmh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.petrel.Message;
import dev.petrel.Node;
import dev.petrel.NodeContext;
import dev.petrel.Puller;
import dev.petrel.Pusher;
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
 * Message in, message out over inproc: {@link Pusher#send(Message)} hands the message to the puller by reference,
 * while {@link Pusher#send(byte[])} copies the payload into the pipe and the puller copies it out into a new
 * message. The puller's callback counts on the node's I/O thread; the sender blocks at the high-water mark, so the
 * score is the cost per delivered message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class InprocHandOffBenchmark
{
    @Param({ "64", "65536" })
    int payloadLength;

    private final AtomicLong delivered = new AtomicLong();
    private Node node;
    private Pusher pusher;
    private byte[] payload;
    private Message message;

    /**
     * Starts a node and joins a pusher to a counting puller over inproc.
     */
    @Setup
    public void setUp()
    {
        payload = new byte[payloadLength];
        message = Message.builder().payload(payload).build();
        node = Node.create(new NodeContext());
        final Puller puller = node.puller().handler(m -> delivered.lazySet(delivered.get() + 1));
        puller.bind("inproc://jmh-hand-off");
        pusher = node.pusher();
        pusher.connect("inproc://jmh-hand-off");
        Awaits.until(() -> 1 == pusher.peerCount() && 1 == puller.peerCount(), "the pusher to connect");
    }

    /**
     * Checks every message arrived, then closes the node.
     */
    @TearDown
    public void tearDown()
    {
        final long sent = pusher.stats().sent();
        Awaits.until(() -> delivered.get() == sent, "all " + sent + " messages to arrive");
        node.close();
    }

    /**
     * Hands one message over by reference.
     */
    @Benchmark
    public void sendMessage()
    {
        pusher.send(message);
    }

    /**
     * Sends one payload through the pipe's ring, copied in and out.
     */
    @Benchmark
    public void sendBytes()
    {
        pusher.send(payload);
    }
}
