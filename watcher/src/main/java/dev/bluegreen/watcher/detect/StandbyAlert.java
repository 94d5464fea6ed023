package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * A pool that would take the traffic of a failover failed its health checks ({@link
 * AlertKind#STANDBY_DOWN}), or passes them again ({@link AlertKind#STANDBY_UP}). No access log can
 * show this: the standby gets no traffic. Always a {@link Severity#WARNING}: users are not hurt
 * yet, the next failover would hurt them.
 *
 * @param kind {@link AlertKind#STANDBY_DOWN} or {@link AlertKind#STANDBY_UP}
 * @param at when the deciding check ended (wall clock)
 * @param pool the pool probed
 * @param serving the pool serving then; equal to {@code pool} when the failing pool is the serving
 *     one and gets no traffic, or, for a {@code standby_up}, when it took the traffic since
 * @param failuresInRow the checks failed in a row (0 when it passed again)
 * @param lastError why the last failed check failed, or {@code null}
 * @param reminder the pool is still down one cooldown later
 */
public record StandbyAlert(
    AlertKind kind,
    Instant at,
    String pool,
    String serving,
    int failuresInRow,
    String lastError,
    boolean reminder)
    implements Alert {

  /** Where a probe alert comes from: no log line, the probe. */
  public static final LineRef PROBE = new LineRef("probe", 0);

  public StandbyAlert {
    if (kind != AlertKind.STANDBY_DOWN && kind != AlertKind.STANDBY_UP) {
      throw new IllegalArgumentException("not a standby alert: " + kind);
    }
  }

  @Override
  public LineRef where() {
    return PROBE;
  }

  /** The failing pool is the serving one, which gets no traffic (the log cannot vouch for it). */
  public boolean servingWithoutTraffic() {
    return pool.equals(serving);
  }

  /** Users are not hurt yet: the next failover would hurt them. */
  @Override
  public Severity severity() {
    return Severity.WARNING;
  }
}
