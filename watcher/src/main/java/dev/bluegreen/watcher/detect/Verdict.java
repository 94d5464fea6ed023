package dev.bluegreen.watcher.detect;

/** Where the window's error rate stands against the threshold. */
public enum Verdict {
  /** Fewer requests in the window than the minimum: too few to judge. */
  BELOW_MIN_REQUESTS,
  /** At or below half the threshold: an alert in progress is resolved. */
  OK,
  /** Above half the threshold but not above it: no new alert, no resolution (hysteresis band). */
  ELEVATED,
  /** Above the threshold. */
  ABOVE_THRESHOLD
}
