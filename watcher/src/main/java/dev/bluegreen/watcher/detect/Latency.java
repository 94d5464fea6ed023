package dev.bluegreen.watcher.detect;

/**
 * The request times of the sliding window at one moment, in milliseconds of {@code $request_time}.
 * Percentiles are nearest-rank: p99 is the time at or below which 99 % of the window's requests
 * (rounded up) finished.
 *
 * @param requests timed requests in the window (at most the window size)
 * @param p50Millis the median request time
 * @param p99Millis the 99th percentile
 * @param thresholdMillis the configured p99 threshold the window is compared with
 * @param slowestMillis the slowest request in the window
 * @param slowestAt that request's log line, or {@code null} when unknown (read before a restart)
 * @param slowestRequestId that request's {@code $request_id}, or {@code null} when not logged
 */
public record Latency(
    int requests,
    int p50Millis,
    int p99Millis,
    int thresholdMillis,
    int slowestMillis,
    LineRef slowestAt,
    String slowestRequestId) {

  /** The p99 at or below which a latency alert is resolved. */
  public int resolveMillis() {
    return LatencyDetector.resolveMillis(thresholdMillis);
  }
}
