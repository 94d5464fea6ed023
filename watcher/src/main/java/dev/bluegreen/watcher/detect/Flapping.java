package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * Whether the pools flap, and the two messages that frame it: one {@link FlappingAlert} when the
 * third episode opens within one cooldown, then, once one pool has served alone for the flap settle
 * time, a failover or recovery marked {@code afterFlapping}. Pure: time is passed in.
 */
final class Flapping {
  private final long settleMillis;
  private boolean on;
  private String to;

  /**
   * @param settleMillis how long one pool must serve alone to end flapping
   */
  Flapping(long settleMillis) {
    this.settleMillis = settleMillis;
  }

  boolean isOn() {
    return on;
  }

  /** The pool traffic went to when the flapping began. */
  String to() {
    return to;
  }

  /**
   * The {@code episode}'s opening to {@code candidate} made the pools flap: the message that says
   * so, said instead of the failover.
   */
  FlappingAlert start(String primary, PoolCandidate candidate, Episode episode) {
    on = true;
    to = candidate.pool();
    return new FlappingAlert(
        Instant.ofEpochMilli(candidate.since()),
        candidate.where(),
        primary,
        candidate.pool(),
        episode.recentOpenings(),
        Instant.ofEpochMilli(episode.firstRecentOpening()));
  }

  /** Whether the pools flap and {@code latest} has served alone for the settle time. */
  boolean settledAt(PoolRun latest, long now) {
    return on && latest.servedAloneFor(settleMillis, now);
  }

  /**
   * Traffic settled on {@code latest}: ends the flapping and returns where it settled, a recovery
   * (closing the {@code episode}) on the primary, a failover otherwise.
   */
  Alert settle(String primary, PoolRun latest, Episode episode, long now) {
    boolean onPrimary = latest.pool().equals(primary);
    if (onPrimary) {
      episode.close();
    } else {
      episode.announced(now);
    }
    on = false;
    return Alert.pool(
        onPrimary ? AlertKind.RECOVERY : AlertKind.FAILOVER,
        latest.since(),
        latest.where(),
        onPrimary ? to : primary,
        latest.pool(),
        latest.release(),
        false,
        true);
  }

  /** A planned switch ends the flapping without a message. */
  void stop() {
    on = false;
  }

  void restore(boolean on, String to) {
    this.on = on;
    this.to = to;
  }
}
