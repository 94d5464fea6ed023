package dev.bluegreen.watcher.parse;

import java.util.List;

/**
 * What one access-log line says about one client request: its time, the status the client got, and
 * which pool served it after any retries.
 *
 * @param epochMillis the line's own timestamp, or {@link #NO_TIME} when the format has none
 * @param status the status Nginx sent to the client
 * @param pool the pool that served the last upstream attempt, or {@code null} when Nginx answered
 *     itself or the format does not log it
 * @param release the release id of that pool, or {@code null}
 * @param upstreamAddr the address of the last upstream attempt, or {@code null}
 * @param upstreamAttempts how many upstream attempts Nginx made (0 when none or not logged)
 * @param upstream5xx how many of those attempts answered 5xx (or timed out, which Nginx logs as
 *     504)
 * @param requestMillis {@code $request_time} in milliseconds, or -1 when absent
 * @param requestId {@code $request_id}, kept only for a line worth tracing (an upstream attempt
 *     failed, the client got a 5xx, or the request was slow), else {@code null}
 * @param failedAttempts the upstream attempts that answered 5xx, in order; empty when none
 */
public record AccessEvent(
    long epochMillis,
    int status,
    String pool,
    String release,
    String upstreamAddr,
    int upstreamAttempts,
    int upstream5xx,
    int requestMillis,
    String requestId,
    List<FailedAttempt> failedAttempts)
    implements Parsed {

  /** A request without a request id nor failed attempts recorded. */
  public AccessEvent(
      long epochMillis,
      int status,
      String pool,
      String release,
      String upstreamAddr,
      int upstreamAttempts,
      int upstream5xx,
      int requestMillis) {
    this(
        epochMillis,
        status,
        pool,
        release,
        upstreamAddr,
        upstreamAttempts,
        upstream5xx,
        requestMillis,
        null,
        List.of());
  }

  /** The value of {@link #epochMillis} for a line that carries no timestamp. */
  public static final long NO_TIME = Long.MIN_VALUE;

  public boolean hasTime() {
    return epochMillis != NO_TIME;
  }

  /** The client saw a server error. */
  public boolean clientError() {
    return status >= 500 && status <= 599;
  }

  /**
   * An upstream attempt failed with a 5xx but Nginx retried it on another server, so the client
   * never saw it.
   */
  public boolean hiddenError() {
    return !clientError() && upstream5xx > 0;
  }
}
