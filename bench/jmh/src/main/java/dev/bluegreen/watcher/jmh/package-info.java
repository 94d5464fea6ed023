/**
 * JMH benchmarks of the watcher's per-line work: {@link ParseBenchmark} (a line to an event, per
 * format) and {@link DetectBenchmark} (the detectors, and the whole reading-thread pipeline). Run
 * with {@code make bench}, or {@code java -jar bench/jmh/target/watcher-jmh.jar -prof gc}.
 */
package dev.bluegreen.watcher.jmh;
