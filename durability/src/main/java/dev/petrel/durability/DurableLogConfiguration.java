/*
 * Copyright 2026 Petrel contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.petrel.durability;

import org.agrona.SystemUtil;

import java.util.concurrent.TimeUnit;

/**
 * Defaults of {@link DurableLog.Context}, each read from a system property under {@code petrel.durability.log.}.
 * Lengths accept the suffixes {@code k}, {@code m} and {@code g}; durations accept {@code ns}, {@code us},
 * {@code ms} and {@code s}.
 *
 * @since 0.1.0
 */
public final class DurableLogConfiguration
{
    /**
     * Directory holding the segment files; it has no default.
     */
    public static final String LOG_DIR_PROP_NAME = "petrel.durability.log.dir";

    /**
     * Length of a segment file before the log rolls to a new one.
     */
    public static final String SEGMENT_LENGTH_PROP_NAME = "petrel.durability.log.segment.length";

    /**
     * Default segment length: 64 MiB.
     */
    public static final long SEGMENT_LENGTH_DEFAULT = 64L * 1024 * 1024;

    /**
     * Largest payload an append accepts.
     */
    public static final String MAX_PAYLOAD_LENGTH_PROP_NAME = "petrel.durability.log.max.payload.length";

    /**
     * Default largest payload: 1 MiB.
     */
    public static final int MAX_PAYLOAD_LENGTH_DEFAULT = 1024 * 1024;

    /**
     * Fsync policy name: {@code always}, {@code interval} or {@code never}.
     */
    public static final String FSYNC_POLICY_PROP_NAME = "petrel.durability.log.fsync.policy";

    /**
     * Default fsync policy.
     */
    public static final FsyncPolicy FSYNC_POLICY_DEFAULT = FsyncPolicy.INTERVAL;

    /**
     * Time after which the {@code interval} policy forces the log; zero disables the time trigger.
     */
    public static final String FSYNC_INTERVAL_PROP_NAME = "petrel.durability.log.fsync.interval";

    /**
     * Default fsync interval: 100 ms.
     */
    public static final long FSYNC_INTERVAL_DEFAULT_NS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * Bytes appended after which the {@code interval} policy forces the log; zero disables the byte trigger.
     */
    public static final String FSYNC_INTERVAL_LENGTH_PROP_NAME = "petrel.durability.log.fsync.interval.length";

    /**
     * Default fsync byte interval: 2 MiB, the active segment's mapping window, so that each force due by length finds
     * a window's worth of records the appender no longer maps (see the segment writer).
     */
    public static final long FSYNC_INTERVAL_LENGTH_DEFAULT = 2 * 1024 * 1024;

    /**
     * Distance in bytes between two entries of a segment's sparse index.
     */
    public static final String INDEX_INTERVAL_LENGTH_PROP_NAME = "petrel.durability.log.index.interval.length";

    /**
     * Default index interval: 4 KiB.
     */
    public static final int INDEX_INTERVAL_LENGTH_DEFAULT = 4096;

    /**
     * Total length of all segments above which the oldest are deleted; zero means no limit.
     */
    public static final String RETENTION_MAX_LENGTH_PROP_NAME = "petrel.durability.log.retention.max.length";

    /**
     * Default retention length limit: none.
     */
    public static final long RETENTION_MAX_LENGTH_DEFAULT = 0;

    /**
     * Age of a segment's newest record above which the segment is deleted; zero means no limit.
     */
    public static final String RETENTION_MAX_AGE_PROP_NAME = "petrel.durability.log.retention.max.age";

    /**
     * Default retention age limit: none.
     */
    public static final long RETENTION_MAX_AGE_DEFAULT_NS = 0;

    /**
     * Number of durable receiver slots in the cursor file of a new log.
     */
    public static final String MAX_RECEIVERS_PROP_NAME = "petrel.durability.log.max.receivers";

    /**
     * Default number of receiver slots.
     */
    public static final int MAX_RECEIVERS_DEFAULT = 64;

    private DurableLogConfiguration()
    {
    }

    /**
     * Log directory from its property.
     *
     * @return the directory path, or null if the property is unset.
     */
    public static String logDir()
    {
        return System.getProperty(LOG_DIR_PROP_NAME);
    }

    /**
     * Segment length from its property.
     *
     * @return the segment length in bytes.
     */
    public static long segmentLength()
    {
        return SystemUtil.getSizeAsLong(SEGMENT_LENGTH_PROP_NAME, SEGMENT_LENGTH_DEFAULT);
    }

    /**
     * Largest payload from its property.
     *
     * @return the largest payload length in bytes.
     */
    public static int maxPayloadLength()
    {
        return SystemUtil.getSizeAsInt(MAX_PAYLOAD_LENGTH_PROP_NAME, MAX_PAYLOAD_LENGTH_DEFAULT);
    }

    /**
     * Fsync policy from its property.
     *
     * @return the fsync policy.
     */
    public static FsyncPolicy fsyncPolicy()
    {
        final String value = System.getProperty(FSYNC_POLICY_PROP_NAME);
        return null == value ? FSYNC_POLICY_DEFAULT : FsyncPolicy.parse(value);
    }

    /**
     * Fsync time interval from its property.
     *
     * @return the interval in nanoseconds.
     */
    public static long fsyncIntervalNs()
    {
        return SystemUtil.getDurationInNanos(FSYNC_INTERVAL_PROP_NAME, FSYNC_INTERVAL_DEFAULT_NS);
    }

    /**
     * Fsync byte interval from its property.
     *
     * @return the interval in bytes.
     */
    public static long fsyncIntervalLength()
    {
        return SystemUtil.getSizeAsLong(FSYNC_INTERVAL_LENGTH_PROP_NAME, FSYNC_INTERVAL_LENGTH_DEFAULT);
    }

    /**
     * Sparse index interval from its property.
     *
     * @return the interval in bytes.
     */
    public static int indexIntervalLength()
    {
        return SystemUtil.getSizeAsInt(INDEX_INTERVAL_LENGTH_PROP_NAME, INDEX_INTERVAL_LENGTH_DEFAULT);
    }

    /**
     * Retention length limit from its property.
     *
     * @return the limit in bytes, zero for none.
     */
    public static long retentionMaxLength()
    {
        return SystemUtil.getSizeAsLong(RETENTION_MAX_LENGTH_PROP_NAME, RETENTION_MAX_LENGTH_DEFAULT);
    }

    /**
     * Retention age limit from its property.
     *
     * @return the limit in nanoseconds, zero for none.
     */
    public static long retentionMaxAgeNs()
    {
        return SystemUtil.getDurationInNanos(RETENTION_MAX_AGE_PROP_NAME, RETENTION_MAX_AGE_DEFAULT_NS);
    }

    /**
     * Receiver slot count from its property.
     *
     * @return the number of receiver slots.
     */
    public static int maxReceivers()
    {
        return Integer.getInteger(MAX_RECEIVERS_PROP_NAME, MAX_RECEIVERS_DEFAULT);
    }
}
