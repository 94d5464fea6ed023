package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.health.Health;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.probe.ProbeStatus;
import java.util.List;

/**
 * What /healthz, /metrics and {@code watcher ctl status} show: one snapshot of the live watcher,
 * published by its reading thread at every poll and read by any thread.
 *
 * @param log the access log followed
 * @param following the log file is open and being tailed
 * @param waitingForLog the log file does not exist yet
 * @param lines lines read, malformed ones included
 * @param malformed lines that did not fit the log format
 * @param alertsByKind alerts decided, indexed by {@link AlertKind#ordinal()}
 * @param windowErrorRatio errors in the sliding window as a fraction (0..1)
 * @param rotations log rotations followed
 * @param lastLineMillis wall-clock millis of the last line read, 0 before the first
 * @param primary the pool expected to serve
 * @param servingPool the pool the log shows now: the one that served the latest request naming one
 * @param announcedPool the pool people were last told serves (the last failover or recovery)
 * @param maintenance alerts are suppressed
 * @param deliveryFailures messages a sink refused for good
 * @param errorRateThresholdRatio ERROR_RATE_THRESHOLD as a fraction (0..1)
 * @param latencyP99Seconds the window's p99 request time, NaN until it holds MIN_REQUESTS timed
 *     requests
 * @param latencyP50Seconds the window's median request time, NaN as p99
 * @param latencyThresholdSeconds the p99 above which requests are too slow
 * @param sinks each sink's delivery: queue depth, attempts, drops by reason, failing since
 * @param health the watcher's verdict on itself
 * @param probes each PROBE_URLS pool's checks, in PROBE_URLS order (empty without probes)
 */
public record WatcherStatus(
    String log,
    boolean following,
    boolean waitingForLog,
    long lines,
    long malformed,
    long[] alertsByKind,
    double windowErrorRatio,
    long rotations,
    long lastLineMillis,
    String primary,
    String servingPool,
    String announcedPool,
    boolean maintenance,
    long deliveryFailures,
    double errorRateThresholdRatio,
    double latencyP99Seconds,
    double latencyP50Seconds,
    double latencyThresholdSeconds,
    List<SinkStats> sinks,
    Health health,
    List<ProbeStatus> probes) {

  /** Alerts of every kind decided since start. */
  public long alerts() {
    long sum = 0;
    for (long n : alertsByKind) {
      sum += n;
    }
    return sum;
  }

  public long alerts(AlertKind kind) {
    return alertsByKind[kind.ordinal()];
  }
}
