package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * The window's p99 request time rose above the threshold, or fell back down. Requests still
 * succeed, slowly: always a {@link Severity#WARNING}.
 *
 * @param kind {@link AlertKind#LATENCY} or {@link AlertKind#LATENCY_RESOLVED}
 * @param at the log time when it happened
 * @param where the log line where it happened
 * @param latency the window's request times at that moment
 * @param reminder the slowness was announced before and is still there after the cooldown
 */
public record LatencyAlert(
    AlertKind kind, Instant at, LineRef where, Latency latency, boolean reminder) implements Alert {

  public LatencyAlert {
    if (kind != AlertKind.LATENCY && kind != AlertKind.LATENCY_RESOLVED) {
      throw new IllegalArgumentException("not a latency alert: " + kind);
    }
  }

  /** Slow requests still succeed: a warning, its resolution too. */
  public Severity severity() {
    return Severity.WARNING;
  }
}
