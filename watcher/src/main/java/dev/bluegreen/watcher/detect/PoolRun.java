package dev.bluegreen.watcher.detect;

import java.util.Objects;

/**
 * The pool that served the latest request naming one, and since when it has served alone.
 *
 * @param pool the pool
 * @param since the log time of the first request of this run
 * @param where the log line of that request
 * @param release the release the run's latest request logged, or {@code null}
 */
public record PoolRun(String pool, long since, LineRef where, String release) {

  /**
   * The run after one more request served by {@code next}: this same run (no allocation on the
   * per-line path while the pool and release stay), a copy with the new release, or a new run.
   */
  PoolRun then(String next, String nextRelease, LineRef nextWhere, long now) {
    if (!next.equals(pool)) {
      return new PoolRun(next, now, nextWhere, nextRelease);
    }
    return Objects.equals(nextRelease, release)
        ? this
        : new PoolRun(pool, since, where, nextRelease);
  }

  /** Whether the pool has served alone for at least {@code millis} at {@code now}. */
  boolean servedAloneFor(long millis, long now) {
    return now - since >= millis;
  }
}
