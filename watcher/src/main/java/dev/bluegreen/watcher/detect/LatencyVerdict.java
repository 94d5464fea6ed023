package dev.bluegreen.watcher.detect;

/** Where the window's p99 request time stands against the threshold. */
public enum LatencyVerdict {
  /** Fewer timed requests in the window than the minimum: too few to judge. */
  BELOW_MIN_REQUESTS,
  /**
   * p99 at or below {@link LatencyDetector#RESOLVE_FRACTION} of the threshold: an alert in progress
   * is resolved.
   */
  OK,
  /** p99 above the resolve level but not above the threshold: no new alert, no resolution. */
  ELEVATED,
  /** p99 above the threshold. */
  ABOVE_THRESHOLD
}
