package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * The error rate rose above the threshold, or fell back down.
 *
 * @param kind {@link AlertKind#ERROR_RATE} or {@link AlertKind#ERROR_RATE_RESOLVED}
 * @param at the log time when it happened
 * @param where the log line where it happened
 * @param rate the window's error rate at that moment
 * @param reminder the spike was announced before and is still there after the cooldown
 */
public record ErrorRateAlert(
    AlertKind kind, Instant at, LineRef where, ErrorRate rate, boolean reminder) implements Alert {

  public ErrorRateAlert {
    if (kind != AlertKind.ERROR_RATE && kind != AlertKind.ERROR_RATE_RESOLVED) {
      throw new IllegalArgumentException("not an error-rate alert: " + kind);
    }
  }
}
