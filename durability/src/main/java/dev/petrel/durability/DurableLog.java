/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import dev.petrel.durability.exceptions.DurabilityException;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.SystemUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Segmented append-only log of CRC32C framed records numbered by a contiguous sequence starting at 1.
 * <p>
 * Opening takes the directory's writer lock, recovers the tail (see {@link RecoveryReport}) and continues the
 * sequence. {@link #append(DirectBuffer, int, int)} is thread safe: appenders serialise on one lock for the write,
 * then, under {@link FsyncPolicy#ALWAYS}, block until a force covers their record, one force serving every thread
 * waiting at that moment. Under {@link FsyncPolicy#INTERVAL} a thread of the log's own forces when an interval is
 * due ({@link IntervalFlusher}), so appenders do not wait for the disk unless it falls behind. Appending threads
 * must not be interrupted, as an interrupt closes the segment file. Readers are created per consumer with
 * {@link #reader(long)}.
 *
 * @since 0.1.0
 */
public final class DurableLog implements AutoCloseable
{
    private final Context ctx;
    private final WriterLock writerLock;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final SegmentCatalog catalog;
    private final RecoveryReport recoveryReport;
    private final ReceiverCursors receivers;
    private final SpareSegments spares;
    private final RetentionEnforcer retention;
    private final LogAppender appender;
    private final GroupCommit groupCommit;
    private final IntervalFlusher flusher;
    private long lastForceNs;
    private long lastForceLength;
    private DeadLetterLog deadLetters;
    private boolean closed;

    private DurableLog(final Context ctx)
    {
        this.ctx = ctx;
        writerLock = WriterLock.acquire(ctx.logDir());
        ReceiverCursors openedReceivers = null;
        try
        {
            final LogRecovery recovery = new LogRecovery(ctx.logDir(), ctx.indexIntervalLength(), false).recover();
            catalog = recovery.catalog();
            recoveryReport = recovery.report();
            openedReceivers = ReceiverCursors.open(
                ctx.logDir().resolve(SegmentFiles.CURSOR_FILE_NAME), ctx.maxReceivers(), false);
            receivers = openedReceivers;
            spares = new SpareSegments(ctx.logDir());
            retention = new RetentionEnforcer(
                ctx.logDir(), catalog, receivers, ctx.retentionMaxLength(), ctx.retentionMaxAgeNs(), spares);
            appender = new LogAppender(ctx, catalog, spares, this::onRoll);
            groupCommit = appender.groupCommit();
            lastForceNs = ctx.epochNanoClock().nanoTime();
            flusher = FsyncPolicy.INTERVAL == ctx.fsyncPolicy() ? new IntervalFlusher(
                groupCommit, appender::lastSequence, ctx.fsyncIntervalNs(), "petrel-log-flusher") : null;
        }
        catch (final RuntimeException ex)
        {
            if (null != openedReceivers)
            {
                openedReceivers.close();
            }
            writerLock.close();
            throw ex;
        }
    }

    /**
     * Opens a log for writing, concluding the context if that has not been done.
     *
     * @param ctx configuration of the log.
     * @return the open log.
     * @throws dev.petrel.durability.exceptions.LogLockedException if another writer has the directory open.
     */
    public static DurableLog open(final Context ctx)
    {
        if (!ctx.concluded)
        {
            ctx.conclude();
        }
        return new DurableLog(ctx);
    }

    /**
     * Appends a record, returning once the fsync policy is satisfied.
     *
     * @param buffer holding the payload.
     * @param offset of the payload in the buffer.
     * @param length of the payload.
     * @return the record's sequence.
     * @throws IllegalArgumentException if the payload is longer than the maximum payload length.
     */
    public long append(final DirectBuffer buffer, final int offset, final int length)
    {
        return append(buffer, offset, length, null);
    }

    /**
     * Appends a record and shows it to a handler before any other append can run, so that a handler given to
     * every append sees the records in sequence order; returns once the fsync policy is satisfied.
     *
     * @param buffer   holding the payload.
     * @param offset   of the payload in the buffer.
     * @param length   of the payload.
     * @param appended called on this thread with the payload as given, the record's sequence and its timestamp,
     *                 or null for none; it must not append to this log.
     * @return the record's sequence.
     * @throws IllegalArgumentException if the payload is longer than the maximum payload length.
     */
    public long append(final DirectBuffer buffer, final int offset, final int length, final RecordHandler appended)
    {
        final long sequence;
        final int forceDue;
        appendLock.lock();
        try
        {
            checkOpen();
            sequence = appender.append(buffer, offset, length);
            forceDue = isIntervalForceDue();
            if (null != appended)
            {
                appended.onRecord(buffer, offset, length, sequence, appender.lastTimestampNs());
            }
        }
        finally
        {
            appendLock.unlock();
        }
        afterAppend(sequence, forceDue);
        return sequence;
    }

    /**
     * Appends a record from a byte array, returning once the fsync policy is satisfied.
     *
     * @param bytes  holding the payload.
     * @param offset of the payload in the array.
     * @param length of the payload.
     * @return the record's sequence.
     * @throws IllegalArgumentException if the payload is longer than the maximum payload length.
     */
    public long append(final byte[] bytes, final int offset, final int length)
    {
        final long sequence;
        final int forceDue;
        appendLock.lock();
        try
        {
            checkOpen();
            sequence = appender.append(bytes, offset, length);
            forceDue = isIntervalForceDue();
        }
        finally
        {
            appendLock.unlock();
        }
        afterAppend(sequence, forceDue);
        return sequence;
    }

    /**
     * Forces every appended record to storage now, whatever the policy.
     */
    public void force()
    {
        groupCommit.force();
    }

    /**
     * Creates a reader positioned at a sequence.
     *
     * @param fromSequence first sequence to read, from {@link #firstSequence()} to {@link #lastSequence()} + 1.
     * @return a new reader, to be closed by the caller.
     */
    public LogReader reader(final long fromSequence)
    {
        return new LogReader(catalog, fromSequence);
    }

    /**
     * First sequence still retained.
     *
     * @return the first sequence, 1 until retention deletes a segment.
     */
    public long firstSequence()
    {
        return catalog.firstSequence();
    }

    /**
     * Sequence of the last appended record.
     *
     * @return the last sequence, zero for an empty log.
     */
    public long lastSequence()
    {
        return appender.lastSequence();
    }

    /**
     * Highest sequence known to be on storage: every record found at open (forced then unless the policy is
     * {@link FsyncPolicy#NEVER}) and every record covered by a later force.
     *
     * @return the durable sequence.
     */
    public long durableSequence()
    {
        return groupCommit.durableSequence();
    }

    /**
     * Number of forces issued since the log was opened.
     *
     * @return the force count.
     */
    public long forceCount()
    {
        return groupCommit.forceCount();
    }

    /**
     * What recovery found and cut when the log was opened.
     *
     * @return the recovery report.
     */
    public RecoveryReport recoveryReport()
    {
        return recoveryReport;
    }

    /**
     * The durable receivers of this log and their acknowledged positions.
     *
     * @return the receiver cursors.
     */
    public ReceiverCursors receivers()
    {
        return receivers;
    }

    /**
     * Runs a retention pass now.
     *
     * @return what was deleted and any records lost to size or age limits.
     */
    public RetentionReport enforceRetention()
    {
        appendLock.lock();
        try
        {
            checkOpen();
            return retention.enforce(ctx.epochNanoClock().nanoTime());
        }
        finally
        {
            appendLock.unlock();
        }
    }

    /**
     * The dead-letter log in the {@code dead-letter} subdirectory, opened on first use and closed with this log.
     *
     * @return the dead-letter log.
     */
    public DeadLetterLog deadLetters()
    {
        appendLock.lock();
        try
        {
            checkOpen();
            if (null == deadLetters)
            {
                deadLetters = new DeadLetterLog(open(ctx.deadLetterContext()));
            }
            return deadLetters;
        }
        finally
        {
            appendLock.unlock();
        }
    }

    /**
     * Configuration of this log.
     *
     * @return the concluded context.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * Forces the log unless the policy is {@link FsyncPolicy#NEVER}, closes its files and releases the writer lock.
     */
    public void close()
    {
        appendLock.lock();
        try
        {
            if (!closed)
            {
                closed = true;
                if (null != flusher)
                {
                    flusher.close();
                }
                if (null != deadLetters)
                {
                    deadLetters.close();
                }
                appender.close();
                spares.deleteAll();
                receivers.close();
                writerLock.close();
            }
        }
        finally
        {
            appendLock.unlock();
        }
    }

    /**
     * @return {@link IntervalFlusher#NOT_DUE}, or why a force is due: the time interval passed (which asks for the
     * whole log) or the length interval.
     */
    private int isIntervalForceDue()
    {
        if (FsyncPolicy.INTERVAL != ctx.fsyncPolicy())
        {
            return IntervalFlusher.NOT_DUE;
        }
        final long nowNs = appender.lastTimestampNs();
        final long appendedLength = appender.appendedLength();
        final boolean byTime = ctx.fsyncIntervalNs() > 0 && nowNs - lastForceNs >= ctx.fsyncIntervalNs();
        if (byTime ||
            (ctx.fsyncIntervalLength() > 0 && appendedLength - lastForceLength >= ctx.fsyncIntervalLength()))
        {
            lastForceNs = nowNs;
            lastForceLength = appendedLength;
            return byTime ? IntervalFlusher.DUE_BY_TIME : IntervalFlusher.DUE_BY_LENGTH;
        }
        return IntervalFlusher.NOT_DUE;
    }

    private void afterAppend(final long sequence, final int forceDue)
    {
        if (FsyncPolicy.ALWAYS == ctx.fsyncPolicy())
        {
            groupCommit.awaitDurable(sequence);
        }
        else if (IntervalFlusher.NOT_DUE != forceDue)
        {
            flusher.onForceDue(IntervalFlusher.DUE_BY_TIME == forceDue);
        }
    }

    private void onRoll()
    {
        try
        {
            final RetentionReport report = retention.enforce(ctx.epochNanoClock().nanoTime());
            if (report.segmentsDeleted() > 0)
            {
                ctx.retentionHandler().onRetention(report);
            }
        }
        catch (final DurabilityException ex)
        {
            ctx.errorHandler().onError(ex);
        }
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("log " + ctx.logDir() + " is closed");
        }
    }

    /**
     * Configuration of a {@link DurableLog}. Fields start from {@link DurableLogConfiguration}, fluent setters
     * override them and {@link #conclude()} validates them once and creates the directory.
     * <p>
     * Not thread safe; hand a context to one log.
     *
     * @since 0.1.0
     */
    public static final class Context implements Cloneable
    {
        private static final long MIN_SEGMENT_LENGTH = 4096;
        private static final long MAX_SEGMENT_LENGTH = 1L << 30;
        private static final int DEAD_LETTER_HEADROOM = DeadLetterDescriptor.REASON_OFFSET +
            DeadLetterDescriptor.MAX_REASON_LENGTH;

        private boolean concluded;
        private Path logDir = null == DurableLogConfiguration.logDir() ?
            null : Paths.get(DurableLogConfiguration.logDir());
        private long segmentLength = DurableLogConfiguration.segmentLength();
        private int maxPayloadLength = DurableLogConfiguration.maxPayloadLength();
        private FsyncPolicy fsyncPolicy = DurableLogConfiguration.fsyncPolicy();
        private long fsyncIntervalNs = DurableLogConfiguration.fsyncIntervalNs();
        private long fsyncIntervalLength = DurableLogConfiguration.fsyncIntervalLength();
        private int indexIntervalLength = DurableLogConfiguration.indexIntervalLength();
        private long retentionMaxLength = DurableLogConfiguration.retentionMaxLength();
        private long retentionMaxAgeNs = DurableLogConfiguration.retentionMaxAgeNs();
        private int maxReceivers = DurableLogConfiguration.maxReceivers();
        private EpochNanoClock epochNanoClock = new OffsetEpochNanoClock();
        private RetentionHandler retentionHandler = (report) -> {};
        private ErrorHandler errorHandler = Throwable::printStackTrace;

        /**
         * Validates the configuration and creates the log directory; may be called once.
         *
         * @return this for a fluent API.
         * @throws IllegalStateException    if already concluded.
         * @throws IllegalArgumentException if a value is invalid.
         */
        public Context conclude()
        {
            if (concluded)
            {
                throw new IllegalStateException("context already concluded");
            }
            concluded = true;
            require(null != logDir, "logDir must be set (" + DurableLogConfiguration.LOG_DIR_PROP_NAME + ")");
            require(segmentLength >= MIN_SEGMENT_LENGTH && segmentLength <= MAX_SEGMENT_LENGTH,
                "segmentLength must be 4k..1g: " + segmentLength);
            require(maxPayloadLength >= 0 && RecordDescriptor.HEADER_LENGTH + (long)maxPayloadLength <= segmentLength,
                "maxPayloadLength plus a record header must fit a segment: " + maxPayloadLength);
            require(fsyncIntervalNs >= 0 && fsyncIntervalLength >= 0, "fsync intervals must not be negative");
            require(FsyncPolicy.INTERVAL != fsyncPolicy || fsyncIntervalNs > 0 || fsyncIntervalLength > 0,
                "the interval fsync policy needs a time or a length interval");
            require(indexIntervalLength > 0, "indexIntervalLength must be positive: " + indexIntervalLength);
            require(retentionMaxLength >= 0 && retentionMaxAgeNs >= 0, "retention limits must not be negative");
            require(maxReceivers > 0 && maxReceivers <= 4096, "maxReceivers must be 1..4096: " + maxReceivers);
            try
            {
                Files.createDirectories(logDir);
            }
            catch (final IOException ex)
            {
                throw new DurabilityException("cannot create log directory " + logDir, ex);
            }
            return this;
        }

        /**
         * Shallow copy of this context, concluded or not as this one is.
         *
         * @return the copy.
         */
        public Context clone()
        {
            try
            {
                return (Context)super.clone();
            }
            catch (final CloneNotSupportedException ex)
            {
                throw new IllegalStateException(ex);
            }
        }

        /**
         * Sets the directory holding the log.
         *
         * @param logDir directory, created on conclude if missing.
         * @return this for a fluent API.
         */
        public Context logDir(final Path logDir)
        {
            this.logDir = logDir;
            return this;
        }

        /**
         * Directory holding the log.
         *
         * @return the directory.
         */
        public Path logDir()
        {
            return logDir;
        }

        /**
         * Sets the length at which a segment is closed and a new one started.
         *
         * @param segmentLength in bytes, 4 KiB to 1 GiB.
         * @return this for a fluent API.
         */
        public Context segmentLength(final long segmentLength)
        {
            this.segmentLength = segmentLength;
            return this;
        }

        /**
         * Sets the segment length from a size string such as {@code 64m}.
         *
         * @param segmentLength size with an optional {@code k}, {@code m} or {@code g} suffix.
         * @return this for a fluent API.
         */
        public Context segmentLength(final String segmentLength)
        {
            return segmentLength(SystemUtil.parseSize("segmentLength", segmentLength));
        }

        /**
         * Length at which a segment is closed and a new one started.
         *
         * @return the segment length in bytes.
         */
        public long segmentLength()
        {
            return segmentLength;
        }

        /**
         * Sets the largest payload accepted by append.
         *
         * @param maxPayloadLength in bytes.
         * @return this for a fluent API.
         */
        public Context maxPayloadLength(final int maxPayloadLength)
        {
            this.maxPayloadLength = maxPayloadLength;
            return this;
        }

        /**
         * Largest payload accepted by append.
         *
         * @return the length in bytes.
         */
        public int maxPayloadLength()
        {
            return maxPayloadLength;
        }

        /**
         * Sets when appended records are forced to storage.
         *
         * @param fsyncPolicy to apply.
         * @return this for a fluent API.
         */
        public Context fsyncPolicy(final FsyncPolicy fsyncPolicy)
        {
            this.fsyncPolicy = fsyncPolicy;
            return this;
        }

        /**
         * When appended records are forced to storage.
         *
         * @return the policy.
         */
        public FsyncPolicy fsyncPolicy()
        {
            return fsyncPolicy;
        }

        /**
         * Sets the time after which the interval policy forces, checked on each append; zero disables it.
         *
         * @param fsyncIntervalNs in nanoseconds.
         * @return this for a fluent API.
         */
        public Context fsyncIntervalNs(final long fsyncIntervalNs)
        {
            this.fsyncIntervalNs = fsyncIntervalNs;
            return this;
        }

        /**
         * Sets the fsync time interval from a duration string such as {@code 100ms}.
         *
         * @param fsyncInterval duration with an {@code ns}, {@code us}, {@code ms} or {@code s} suffix.
         * @return this for a fluent API.
         */
        public Context fsyncInterval(final String fsyncInterval)
        {
            return fsyncIntervalNs(SystemUtil.parseDuration("fsyncInterval", fsyncInterval));
        }

        /**
         * Time after which the interval policy forces.
         *
         * @return the interval in nanoseconds.
         */
        public long fsyncIntervalNs()
        {
            return fsyncIntervalNs;
        }

        /**
         * Sets the bytes appended after which the interval policy forces; zero disables it.
         *
         * @param fsyncIntervalLength in bytes.
         * @return this for a fluent API.
         */
        public Context fsyncIntervalLength(final long fsyncIntervalLength)
        {
            this.fsyncIntervalLength = fsyncIntervalLength;
            return this;
        }

        /**
         * Bytes appended after which the interval policy forces.
         *
         * @return the interval in bytes.
         */
        public long fsyncIntervalLength()
        {
            return fsyncIntervalLength;
        }

        /**
         * Sets the distance between sparse index entries.
         *
         * @param indexIntervalLength in bytes.
         * @return this for a fluent API.
         */
        public Context indexIntervalLength(final int indexIntervalLength)
        {
            this.indexIntervalLength = indexIntervalLength;
            return this;
        }

        /**
         * Distance between sparse index entries.
         *
         * @return the interval in bytes.
         */
        public int indexIntervalLength()
        {
            return indexIntervalLength;
        }

        /**
         * Sets the total log length above which the oldest segments are deleted; zero means no limit.
         *
         * @param retentionMaxLength in bytes.
         * @return this for a fluent API.
         */
        public Context retentionMaxLength(final long retentionMaxLength)
        {
            this.retentionMaxLength = retentionMaxLength;
            return this;
        }

        /**
         * Total log length above which the oldest segments are deleted.
         *
         * @return the limit in bytes, zero for none.
         */
        public long retentionMaxLength()
        {
            return retentionMaxLength;
        }

        /**
         * Sets the age of a segment's newest record above which the segment is deleted; zero means no limit.
         *
         * @param retentionMaxAgeNs in nanoseconds.
         * @return this for a fluent API.
         */
        public Context retentionMaxAgeNs(final long retentionMaxAgeNs)
        {
            this.retentionMaxAgeNs = retentionMaxAgeNs;
            return this;
        }

        /**
         * Age of a segment's newest record above which the segment is deleted.
         *
         * @return the limit in nanoseconds, zero for none.
         */
        public long retentionMaxAgeNs()
        {
            return retentionMaxAgeNs;
        }

        /**
         * Sets the number of receiver slots in a new cursor file.
         *
         * @param maxReceivers slot count, 1 to 4096.
         * @return this for a fluent API.
         */
        public Context maxReceivers(final int maxReceivers)
        {
            this.maxReceivers = maxReceivers;
            return this;
        }

        /**
         * Number of receiver slots in a new cursor file.
         *
         * @return the slot count.
         */
        public int maxReceivers()
        {
            return maxReceivers;
        }

        /**
         * Sets the clock that stamps records and drives interval fsync and age retention. The default reads
         * {@link System#nanoTime()} from an offset to the epoch sampled when the context is made (and again every
         * hour), which costs an append far less than reading the wall clock each time.
         *
         * @param epochNanoClock returning nanoseconds since the epoch.
         * @return this for a fluent API.
         */
        public Context epochNanoClock(final EpochNanoClock epochNanoClock)
        {
            this.epochNanoClock = epochNanoClock;
            return this;
        }

        /**
         * Clock that stamps records and drives interval fsync and age retention.
         *
         * @return the clock.
         */
        public EpochNanoClock epochNanoClock()
        {
            return epochNanoClock;
        }

        /**
         * Sets the handler told about automatic retention passes.
         *
         * @param retentionHandler to call.
         * @return this for a fluent API.
         */
        public Context retentionHandler(final RetentionHandler retentionHandler)
        {
            this.retentionHandler = retentionHandler;
            return this;
        }

        /**
         * Handler told about automatic retention passes.
         *
         * @return the handler.
         */
        public RetentionHandler retentionHandler()
        {
            return retentionHandler;
        }

        /**
         * Sets the handler for errors that cannot be thrown to a caller, such as a failed automatic retention pass.
         *
         * @param errorHandler to call.
         * @return this for a fluent API.
         */
        public Context errorHandler(final ErrorHandler errorHandler)
        {
            this.errorHandler = errorHandler;
            return this;
        }

        /**
         * Handler for errors that cannot be thrown to a caller.
         *
         * @return the handler.
         */
        public ErrorHandler errorHandler()
        {
            return errorHandler;
        }

        /**
         * Effective configuration as text.
         *
         * @return the values of every setting.
         */
        public String toString()
        {
            return "DurableLog.Context{" +
                "logDir=" + logDir +
                ", segmentLength=" + segmentLength +
                ", maxPayloadLength=" + maxPayloadLength +
                ", fsyncPolicy=" + fsyncPolicy +
                ", fsyncIntervalNs=" + fsyncIntervalNs +
                ", fsyncIntervalLength=" + fsyncIntervalLength +
                ", indexIntervalLength=" + indexIntervalLength +
                ", retentionMaxLength=" + retentionMaxLength +
                ", retentionMaxAgeNs=" + retentionMaxAgeNs +
                ", maxReceivers=" + maxReceivers +
                ", concluded=" + concluded +
                "}";
        }

        Context deadLetterContext()
        {
            final Context copy = clone();
            copy.concluded = false;
            copy.logDir = logDir.resolve(SegmentFiles.DEAD_LETTER_DIR_NAME);
            copy.maxPayloadLength = maxPayloadLength + DEAD_LETTER_HEADROOM;
            copy.segmentLength = Math.max(segmentLength, RecordDescriptor.HEADER_LENGTH + (long)copy.maxPayloadLength);
            copy.retentionMaxLength = 0;
            copy.retentionMaxAgeNs = 0;
            copy.retentionHandler = (report) -> {};
            return copy;
        }

        private static void require(final boolean condition, final String message)
        {
            if (!condition)
            {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
