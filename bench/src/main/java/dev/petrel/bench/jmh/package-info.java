/**
 * JMH micro-benchmarks of Petrel's hot paths. Run them from the shaded jar with {@code org.openjdk.jmh.Main}.
 */
package dev.petrel.bench.jmh;
