package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * Traffic flaps between pools: the third failover episode opened within one cooldown. Nothing more
 * is said until one pool has served alone for the flap settle time, then a failover or recovery
 * marked {@link PoolAlert#afterFlapping()} says where traffic settled.
 *
 * @param at the log time of the request that opened the third episode
 * @param where the log line of that request
 * @param from the pool traffic left: the primary
 * @param to the pool serving now
 * @param episodes episodes opened within the last cooldown, this one included
 * @param since when the first of those episodes opened
 */
public record FlappingAlert(
    Instant at, LineRef where, String from, String to, int episodes, Instant since)
    implements Alert {

  @Override
  public AlertKind kind() {
    return AlertKind.FLAPPING;
  }

  /** A flapping message is never a reminder: it is said once per flapping. */
  @Override
  public boolean reminder() {
    return false;
  }

  /**
   * Retries hide a failing pool from clients: a warning (the error rate says when users are hurt).
   */
  @Override
  public Severity severity() {
    return Severity.WARNING;
  }
}
