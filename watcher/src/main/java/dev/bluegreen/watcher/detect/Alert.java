package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * One message for people: a failover or a recovery ({@link PoolAlert}), an error-rate spike or its
 * resolution ({@link ErrorRateAlert}), pools flapping ({@link FlappingAlert}), slow requests or
 * their resolution ({@link LatencyAlert}), the standby pool failing its health checks or passing
 * them again ({@link StandbyAlert}). Each kind carries its own facts, none of them null by kind;
 * consumers tell the kinds apart by type ({@code alert instanceof PoolAlert pool}).
 */
public sealed interface Alert
    permits PoolAlert, ErrorRateAlert, FlappingAlert, LatencyAlert, StandbyAlert {

  /** What happened. */
  AlertKind kind();

  /** The log time when it happened (the first line of the new state). */
  Instant at();

  /** The log line where it happened. */
  LineRef where();

  /**
   * How bad it is: {@link Severity#CRITICAL} when users are hurt, {@link Severity#WARNING} when not
   * yet. A resolution or recovery carries the severity of the episode it closes.
   */
  Severity severity();

  /** Why, from the log (failovers and error-rate spikes), or {@code null}. */
  default Evidence evidence() {
    return null;
  }

  /** The condition was announced before and is still present after the cooldown. */
  boolean reminder();

  /** A failover or a recovery: traffic moved from pool {@code from} to pool {@code to}. */
  static Alert pool(
      AlertKind kind,
      long atMillis,
      LineRef where,
      String from,
      String to,
      String release,
      boolean reminder,
      boolean afterFlapping) {
    return new PoolAlert(
        kind, Instant.ofEpochMilli(atMillis), where, from, to, release, reminder, afterFlapping);
  }

  /** An error-rate spike, its escalation or its resolution, with the window's rate then. */
  static Alert errorRate(
      AlertKind kind,
      long atMillis,
      LineRef where,
      ErrorRate rate,
      Severity severity,
      boolean reminder,
      boolean escalated) {
    return new ErrorRateAlert(
        kind, Instant.ofEpochMilli(atMillis), where, rate, severity, reminder, escalated);
  }

  /** A p99 request time above the threshold or its resolution, with the window's times then. */
  static Alert latency(
      AlertKind kind, long atMillis, LineRef where, Latency latency, boolean reminder) {
    return new LatencyAlert(kind, Instant.ofEpochMilli(atMillis), where, latency, reminder);
  }
}
