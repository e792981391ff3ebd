/**
 * Benchmarks for Petrel: the side-by-side comparison runner against JeroMQ ({@link dev.petrel.bench.ComparisonRunner})
 * and its throughput trials. Nothing here is API; it is a harness.
 */
package dev.petrel.bench;
