package dev.bluegreen.watcher.detect;

/** Where the window's error rate stands against the threshold. */
public enum ErrorRateVerdict {
  /** Fewer requests in the window than the minimum: too few to judge. */
  BELOW_MIN_REQUESTS,
  /**
   * At or below {@link ErrorRateDetector#RESOLVE_FRACTION} of the threshold: an alert in progress
   * is resolved.
   */
  OK,
  /**
   * Above the resolve level but not above the threshold: no new alert, no resolution (hysteresis
   * band).
   */
  ELEVATED,
  /** Above the threshold. */
  ABOVE_THRESHOLD
}
