package dev.petrel.bench;

/**
 * A latency row's measured pass.
 *
 * @param stats  the percentiles.
 * @param capped true when the time cap ended the pass before every round trip ran.
 */
public record LatencyResult(LatencyStats stats, boolean capped)
{
}
