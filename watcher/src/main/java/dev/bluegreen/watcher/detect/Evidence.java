package dev.bluegreen.watcher.detect;

import java.util.List;

/**
 * Why an alert was sent, from the log: a pool's upstream attempts in the last {@link #SPAN_MILLIS}
 * of log time, the statuses of the failures, and one request to trace.
 *
 * @param pool the failing pool, or {@code null} when no failing address could be tied to a pool
 * @param address the pool's upstream address with the most failures, or {@code null}
 * @param attempts the pool's upstream attempts in the span
 * @param failed how many of them answered 5xx (Nginx logs its own upstream timeout as 504)
 * @param statuses the failures' statuses, most frequent first (at most {@link #TOP} of them)
 * @param requestId {@code $request_id} of the latest failure, or {@code null} when not logged
 */
public record Evidence(
    String pool,
    String address,
    int attempts,
    int failed,
    List<StatusCount> statuses,
    String requestId) {

  /** The span of log time before the alert that the evidence covers: 30 s. */
  public static final long SPAN_MILLIS = 30_000;

  /** How many statuses an alert names. */
  public static final int TOP = 3;

  /** One status and how often it was seen in the span. */
  public record StatusCount(int status, int count) {}

  /** {@code blue: 6 of 6 attempts failed (500 x6) at 10.0.0.2:3000, request_id abc}. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    if (pool != null) {
      out.append(pool)
          .append(": ")
          .append(failed)
          .append(" of ")
          .append(attempts)
          .append(" attempts failed");
      out.append(statuses.isEmpty() ? "" : " (" + statusText() + ")");
    } else {
      out.append("errors ").append(statusText());
    }
    if (address != null) {
      out.append(" at ").append(address);
    }
    if (requestId != null) {
      out.append(", request_id ").append(requestId);
    }
    return out.toString();
  }

  /** {@code 500 x4, 504 x2}. */
  public String statusText() {
    StringBuilder out = new StringBuilder();
    for (StatusCount s : statuses) { // no stream: the first alert of a run pays no lambda set-up
      out.append(out.length() == 0 ? "" : ", ").append(s.status()).append(" x").append(s.count());
    }
    return out.toString();
  }
}
