package dev.petrel.bench.jmh;

import java.util.concurrent.TimeUnit;

import dev.petrel.transport.zmtp.FrameSink;
import dev.petrel.transport.zmtp.InboundFrames;
import dev.petrel.transport.zmtp.ZmtpFrameDecoder;
import dev.petrel.transport.zmtp.ZmtpFrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ZMTP frame encoding and decoding, per message of one frame: {@code encode} writes a batch of frames (header by
 * {@link ZmtpFrameHeader} plus body copy) into a buffer, as a pipe does; {@code decode} feeds the same bytes to a
 * {@link ZmtpFrameDecoder} whose sink only counts. Both should allocate nothing: check with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class ZmtpFrameCodecBenchmark
{
    private static final int BATCH = 64;

    @Param({ "64", "1024" })
    int payloadLength;

    private UnsafeBuffer payload;
    private UnsafeBuffer encoded;
    private int encodedLength;
    private ZmtpFrameDecoder decoder;
    private final CountingSink sink = new CountingSink();

    /**
     * Builds the payload and one encoded batch for the decoder.
     */
    @Setup
    public void setUp()
    {
        payload = new UnsafeBuffer(new byte[payloadLength]);
        encoded = new UnsafeBuffer(new byte[BATCH * (payloadLength + ZmtpFrameHeader.MAX_LENGTH)]);
        encodedLength = encodeBatch();
        decoder = new ZmtpFrameDecoder(1L << 20);
    }

    /**
     * @return bytes written, so the work is not optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int encode()
    {
        return encodeBatch();
    }

    /**
     * @return messages delivered to the sink so far, so the work is not optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decode()
    {
        if (decoder.decode(encoded, 0, encodedLength, sink) != encodedLength)
        {
            throw new IllegalStateException("decoder stopped early: " + decoder.error());
        }
        return sink.messages;
    }

    private int encodeBatch()
    {
        final int length = payloadLength;
        int at = 0;
        for (int i = 0; i < BATCH; i++)
        {
            at += ZmtpFrameHeader.write(encoded, at, length, false, false);
            encoded.putBytes(at, payload, 0, length);
            at += length;
        }
        return at;
    }

    /**
     * Takes every message and counts it and its bytes.
     */
    static final class CountingSink implements FrameSink
    {
        long messages;
        long bytes;

        @Override
        public boolean onMessage(final InboundFrames frames)
        {
            messages++;
            bytes += frames.totalLength();
            return true;
        }

        @Override
        public String onCommand(final String name, final DirectBuffer buffer, final int offset, final int length)
        {
            return null;
        }
    }
}
