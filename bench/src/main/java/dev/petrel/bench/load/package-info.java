/**
 * Load generation for {@code petrel bench}: a workload runner that wires Petrel sockets together in one process
 * (or one side of a two-process run), sends time-stamped payloads with the buffer API, optionally at a fixed rate
 * with latency measured from the intended send time, and records latency in HdrHistogram; plus the writers that
 * turn its results into a table, JSON, CSV, {@code .hgrm} and a percentile chart.
 */
package dev.petrel.bench.load;
