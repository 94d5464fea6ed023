package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * One message for people: a failover, a recovery, an error-rate spike or its resolution.
 *
 * @param kind what happened
 * @param at the log time when it happened (the first line of the new state)
 * @param where the log line where it happened
 * @param from the pool traffic left (pool alerts only, else {@code null})
 * @param to the pool now serving (pool alerts only, else {@code null})
 * @param release the release of the pool now serving, when logged
 * @param rate the window's error rate (error-rate alerts only, else {@code null})
 * @param reminder the condition was announced before and is still present after the cooldown
 */
public record Alert(
    AlertKind kind,
    Instant at,
    LineRef where,
    String from,
    String to,
    String release,
    ErrorRate rate,
    boolean reminder) {

  static Alert pool(
      AlertKind kind,
      long atMillis,
      LineRef where,
      String from,
      String to,
      String release,
      boolean reminder) {
    return new Alert(
        kind, Instant.ofEpochMilli(atMillis), where, from, to, release, null, reminder);
  }

  static Alert errorRate(
      AlertKind kind, long atMillis, LineRef where, ErrorRate rate, boolean reminder) {
    return new Alert(kind, Instant.ofEpochMilli(atMillis), where, null, null, null, rate, reminder);
  }
}
