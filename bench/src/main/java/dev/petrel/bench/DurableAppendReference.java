package dev.petrel.bench;

import dev.petrel.durability.DurableLog;
import dev.petrel.durability.FsyncPolicy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Petrel's side log on its own: one thread appends records with {@link DurableLog#append} to a log in a fresh
 * temporary directory under an fsync policy (with the log's default interval settings), then forces once at the end
 * so that every record counts as durable, as in {@link FsyncReference}. Every {@value AppendLatency#SAMPLE_EVERY}th
 * append is timed for the latency percentiles. The log has 16 MiB segments and keeps at
 * most 64 MiB, so old segments are deleted rather than filling the disk (rolls and deletions count in the time).
 * The directory is deleted afterwards.
 */
public final class DurableAppendReference
{
    private static final long RETAINED_LENGTH = 64L * 1024 * 1024;

    private DurableAppendReference()
    {
    }

    /**
     * Appends records until the count or the time cap is reached.
     *
     * @param plan         how many records and how long at most.
     * @param recordLength payload bytes per record.
     * @param fsyncPolicy  when appended records are forced.
     * @return records appended, forces issued, the time taken and the append latency.
     */
    public static FsyncReference.Result run(final PassPlan plan, final int recordLength, final FsyncPolicy fsyncPolicy)
    {
        final UnsafeBuffer payload = new UnsafeBuffer(TrialSupport.filled(recordLength));
        try (TempDirectory dir = new TempDirectory("petrel-append-bench-");
            DurableLog log = DurableLog.open(new DurableLog.Context().logDir(dir.path()).fsyncPolicy(fsyncPolicy)
                .segmentLength("16m").retentionMaxLength(RETAINED_LENGTH)))
        {
            final AppendLatency latency = new AppendLatency();
            final long startNs = System.nanoTime();
            final long deadlineNs = startNs + plan.timeCapNs();
            long appended = 0;
            while (appended < plan.messages())
            {
                final boolean sampled = AppendLatency.isSampled(appended);
                final long appendStartNs = sampled ? System.nanoTime() : 0;
                log.append(payload, 0, recordLength);
                if (sampled)
                {
                    latency.record(System.nanoTime() - appendStartNs);
                }
                appended++;
                if (0 == appended % MessageSender.CLOCK_CHECK_INTERVAL && System.nanoTime() - deadlineNs > 0)
                {
                    break;
                }
            }
            log.force();
            return new FsyncReference.Result(
                appended, log.forceCount(), System.nanoTime() - startNs, latency.stats());
        }
    }
}
