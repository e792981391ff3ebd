package dev.petrel.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Figures one section measured that a later section compares with: round-trip percentiles and rates, by name.
 * Used by the runner's thread only.
 */
public final class Findings
{
    /** Petrel request/reply over TCP, one in flight. */
    public static final String PETREL_REQREP_TCP = "petrel-reqrep-tcp";
    /** Petrel push/pull ping-pong over TCP. */
    public static final String PETREL_PINGPONG_TCP = "petrel-pingpong-tcp";
    /** Petrel push/pull ping-pong over Aeron IPC. */
    public static final String PETREL_PINGPONG_IPC = "petrel-pingpong-ipc";
    /** Raw Aeron ping-pong over IPC. */
    public static final String RAW_AERON_PINGPONG_IPC = "raw-aeron-pingpong-ipc";
    /** Petrel push/pull over TCP, 64 B, msg/s. */
    public static final String PETREL_PUSHPULL_TCP_64 = "petrel-pushpull-tcp-64";
    /** Reference: selector ping-pong. */
    public static final String REF_SELECTOR = "ref-selector";
    /** Reference: busy-polling ping-pong. */
    public static final String REF_BUSY_POLL = "ref-busy-poll";
    /** Reference: two-thread hand-off. */
    public static final String REF_HAND_OFF = "ref-hand-off";
    /** Reference: TCP streaming, 64 B messages, msg/s. */
    public static final String REF_TCP_STREAM = "ref-tcp-stream";

    private final Map<String, LatencyStats> latencies = new HashMap<>();
    private final Map<String, Double> rates = new HashMap<>();

    /**
     * @param name  what was measured.
     * @param stats its percentiles.
     */
    public void latency(final String name, final LatencyStats stats)
    {
        latencies.put(name, stats);
    }

    /**
     * @param name what was measured.
     * @return its percentiles, or null when it was not measured.
     */
    public LatencyStats latency(final String name)
    {
        return latencies.get(name);
    }

    /**
     * @param name what was measured.
     * @param rate messages per second.
     */
    public void rate(final String name, final double rate)
    {
        rates.put(name, rate);
    }

    /**
     * @param name what was measured.
     * @return its rate, or null when it was not measured.
     */
    public Double rate(final String name)
    {
        return rates.get(name);
    }
}
