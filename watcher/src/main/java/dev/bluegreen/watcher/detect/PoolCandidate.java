package dev.bluegreen.watcher.detect;

/**
 * The pool that served the latest requests without being the announced one yet: since when, from
 * which line, and how many requests in a row it served. Pure: time is passed in.
 */
final class PoolCandidate {
  private String pool;
  private int requests;
  private long since;
  private LineRef where;
  private String release;

  /**
   * Counts one request served by {@code served}; a pool other than the candidate starts a new count
   * from this request. Returns the requests the candidate has served in a row.
   */
  int count(String served, String servedRelease, LineRef servedWhere, long now) {
    if (!served.equals(pool)) {
      pool = served;
      requests = 0;
      since = now;
      where = servedWhere;
    }
    requests++;
    release = servedRelease;
    return requests;
  }

  /** Whether a candidate has been the latest pool for at least {@code millis} at {@code now}. */
  boolean latestFor(long millis, long now) {
    return pool != null && now - since >= millis;
  }

  /** No candidate any more: it was announced, or traffic went back to the announced pool. */
  void clear() {
    pool = null; // the rest stays as it was: the state file keeps it unchanged
  }

  /** The candidate pool, or {@code null} when there is none. */
  String pool() {
    return pool;
  }

  int requests() {
    return requests;
  }

  /** The log time of the candidate's first request in a row. */
  long since() {
    return since;
  }

  /** The log line of the candidate's first request in a row. */
  LineRef where() {
    return where;
  }

  /** The release the candidate's latest request logged, or {@code null}. */
  String release() {
    return release;
  }

  void restore(String pool, int requests, long since, LineRef where, String release) {
    this.pool = pool;
    this.requests = requests;
    this.since = since;
    this.where = where;
    this.release = release;
  }
}
