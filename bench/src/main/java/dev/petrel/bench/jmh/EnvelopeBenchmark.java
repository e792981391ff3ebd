package dev.petrel.bench.jmh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.petrel.patterns.Envelope;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Petrel envelope (the meta frame beside subject and payload) as a publisher writes it, with one target
 * subscription ID: {@code encode} into a reused buffer, {@code decode} into a reused {@link Envelope}. With
 * {@code headers=0} both should allocate nothing; with headers, decoding builds the header map and its strings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class EnvelopeBenchmark
{
    private static final int[] TARGETS = { 42 };

    @Param({ "0", "2" })
    int headers;

    private final Envelope envelope = new Envelope();
    private Map<String, String> headerMap;
    private UnsafeBuffer buffer;
    private int encodedLength;

    /**
     * Builds the headers and one encoded envelope for the decoder.
     */
    @Setup
    public void setUp()
    {
        headerMap = new LinkedHashMap<>();
        for (int i = 0; i < headers; i++)
        {
            headerMap.put("key-" + i, "value-" + i);
        }
        buffer = new UnsafeBuffer(new byte[Envelope.maxLength(TARGETS.length, headerMap)]);
        encodedLength = encode();
    }

    /**
     * @return bytes written.
     */
    @Benchmark
    public int encode()
    {
        return Envelope.encode(buffer, 0, 1_700_000_000_000_000_000L, 0, 0, TARGETS, TARGETS.length, headerMap);
    }

    /**
     * @return the decoded envelope, so the work is not optimised away.
     */
    @Benchmark
    public Envelope decode()
    {
        return envelope.decode(buffer, 0, encodedLength);
    }
}
