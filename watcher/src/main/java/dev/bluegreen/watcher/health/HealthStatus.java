package dev.bluegreen.watcher.health;

import java.util.Locale;

/**
 * How well the watcher watches: {@link #OK}; {@link #DEGRADED} (it sees the log, but something
 * around it fails: alerts may be late or lost, a restart may re-read); {@link #FAILING} (it is
 * blind: failovers and error spikes go unreported). Ordered from best to worst.
 */
public enum HealthStatus {
  OK,
  DEGRADED,
  FAILING;

  /** The name in {@code /healthz}: {@code ok}, {@code degraded}, {@code failing}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value of {@code watcher_health_status}: 0 ok, 1 degraded, 2 failing. */
  public int gaugeValue() {
    return ordinal();
  }
}
