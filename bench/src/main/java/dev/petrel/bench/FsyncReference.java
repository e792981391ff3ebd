package dev.petrel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Physical reference for durable appends: records appended to a file in a fresh temporary directory with
 * {@link FileChannel#write(ByteBuffer)} and made durable with {@link FileChannel#force(boolean) force(true)}, either
 * after every record, once per 1 ms batch (group commit: one thread appends and forces whenever 1 ms has passed
 * since the last force) or once at the end ({@link #FORCE_AT_END}: the disk's sequential write rate). A record
 * counts once a force has covered it. Every {@value AppendLatency#SAMPLE_EVERY}th append's time (the write and the
 * force it made, if any) goes into the latency percentiles.
 */
public final class FsyncReference
{
    /** How long a group-commit batch collects records before one force covers them. */
    public static final long BATCH_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A batch that never ends: the records are written back to back and one force at the end covers them all. */
    public static final long FORCE_AT_END = Long.MAX_VALUE;

    private FsyncReference()
    {
    }

    /**
     * What one pass measured.
     *
     * @param records   durable records.
     * @param forces    force calls.
     * @param elapsedNs the pass's time.
     * @param latency   how long one append (with its force, when it made one) took.
     */
    public record Result(long records, long forces, long elapsedNs, LatencyStats latency)
    {
        /**
         * @return durable records per second.
         */
        public double recordsPerSecond()
        {
            return elapsedNs <= 0 ? 0 : records * 1e9 / elapsedNs;
        }

        /**
         * @return force calls per second.
         */
        public double forcesPerSecond()
        {
            return elapsedNs <= 0 ? 0 : forces * 1e9 / elapsedNs;
        }
    }

    /**
     * Appends records until the count or the time cap is reached.
     *
     * @param plan         how many records and how long at most.
     * @param recordLength bytes per record.
     * @param batchNs      0 to force after every record, otherwise the group-commit interval.
     * @return what the pass measured.
     */
    public static Result run(final PassPlan plan, final int recordLength, final long batchNs)
    {
        Path dir = null;
        try
        {
            dir = Files.createTempDirectory("petrel-fsync-");
            final Path file = dir.resolve("records.log");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
            {
                return append(channel, plan, recordLength, batchNs);
            }
            finally
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            deleteQuietly(dir);
        }
    }

    private static Result append(
        final FileChannel channel, final PassPlan plan, final int recordLength, final long batchNs) throws IOException
    {
        final ByteBuffer record = ByteBuffer.allocateDirect(recordLength).put(TrialSupport.filled(recordLength));
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + plan.timeCapNs();
        long lastForceNs = startNs;
        long written = 0;
        long durable = 0;
        long forces = 0;
        long nowNs = startNs;
        final AppendLatency latency = new AppendLatency();
        while (written < plan.messages() && nowNs - deadlineNs < 0)
        {
            final boolean sampled = AppendLatency.isSampled(written);
            final long appendStartNs = nowNs;
            record.clear();
            channel.write(record);
            written++;
            nowNs = System.nanoTime();
            if (0 == batchNs || nowNs - lastForceNs >= batchNs)
            {
                channel.force(true);
                forces++;
                durable = written;
                lastForceNs = nowNs = System.nanoTime();
            }
            if (sampled)
            {
                latency.record(nowNs - appendStartNs);
            }
        }
        if (durable < written)
        {
            channel.force(true);
            forces++;
            durable = written;
        }
        return new Result(durable, forces, System.nanoTime() - startNs, latency.stats());
    }

    private static void deleteQuietly(final Path dir)
    {
        if (null == dir)
        {
            return;
        }
        try
        {
            Files.deleteIfExists(dir);
        }
        catch (final IOException ignore)
        {
            // a leftover empty temporary directory is harmless
        }
    }
}
