package dev.petrel.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
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
 * {@link DurableLog#append} of one record from one thread, under the {@code never} and {@code interval} fsync
 * policies (interval: the defaults, a force every 100 ms or every 1 MiB appended). The log lives in a fresh
 * temporary directory with 16 MiB segments and keeps at most 64 MiB, so a long run deletes old segments instead of
 * filling the disk; segment rolls and deletions are part of the measured cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class DurableLogAppendBenchmark
{
    @Param({ "64", "1024" })
    int payloadLength;

    @Param({ "NEVER", "INTERVAL" })
    FsyncPolicy fsync;

    private Path dir;
    private DurableLog log;
    private UnsafeBuffer payload;

    /**
     * Opens a log in a new temporary directory.
     *
     * @throws IOException when the directory cannot be made.
     */
    @Setup
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("petrel-jmh-log");
        payload = new UnsafeBuffer(new byte[payloadLength]);
        log = DurableLog.open(new DurableLog.Context()
            .logDir(dir)
            .segmentLength("16m")
            .retentionMaxLength(64L * 1024 * 1024)
            .fsyncPolicy(fsync));
    }

    /**
     * Closes the log and deletes its directory.
     */
    @TearDown
    public void tearDown()
    {
        log.close();
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(DurableLogAppendBenchmark::delete);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(final Path path)
    {
        try
        {
            Files.delete(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the record's sequence.
     */
    @Benchmark
    public long append()
    {
        return log.append(payload, 0, payloadLength);
    }
}
