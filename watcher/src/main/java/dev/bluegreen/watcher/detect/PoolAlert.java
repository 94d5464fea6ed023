package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * Traffic moved between pools: a failover (away from the primary) or a recovery (back to it).
 *
 * @param kind {@link AlertKind#FAILOVER} or {@link AlertKind#RECOVERY}
 * @param at the log time when it happened (the first line of the new state)
 * @param where the log line where it happened
 * @param from the pool traffic left
 * @param to the pool now serving
 * @param release the release of the pool now serving, or {@code null} when not logged
 * @param reminder a reminder of an open episode: traffic still off the primary one cooldown later
 * @param afterFlapping where traffic settled after a {@link FlappingAlert}
 * @param evidence for a failover, the failing pool's attempts from the log, or {@code null}
 */
public record PoolAlert(
    AlertKind kind,
    Instant at,
    LineRef where,
    String from,
    String to,
    String release,
    boolean reminder,
    boolean afterFlapping,
    Evidence evidence)
    implements Alert {

  /** A pool alert without evidence (yet). */
  public PoolAlert(
      AlertKind kind,
      Instant at,
      LineRef where,
      String from,
      String to,
      String release,
      boolean reminder,
      boolean afterFlapping) {
    this(kind, at, where, from, to, release, reminder, afterFlapping, null);
  }

  /** This alert, citing {@code why}. */
  public PoolAlert withEvidence(Evidence why) {
    return new PoolAlert(kind, at, where, from, to, release, reminder, afterFlapping, why);
  }

  public PoolAlert {
    if (kind != AlertKind.FAILOVER && kind != AlertKind.RECOVERY) {
      throw new IllegalArgumentException("not a pool alert: " + kind);
    }
  }

  /**
   * Retries hide a failing pool from clients: a warning (the error rate says when users are hurt).
   */
  @Override
  public Severity severity() {
    return Severity.WARNING;
  }
}
