package dev.bluegreen.watcher.detect;

/**
 * The error rate of the sliding window at one moment.
 *
 * @param requests requests in the window (at most the window size)
 * @param clientErrors requests whose client got a 5xx
 * @param hiddenErrors requests that got a 5xx from an upstream but that Nginx retried and answered
 *     without error
 * @param thresholdPercent the configured threshold the rate is compared with
 */
public record ErrorRate(int requests, int clientErrors, int hiddenErrors, double thresholdPercent) {

  public int errors() {
    return clientErrors + hiddenErrors;
  }

  /**
   * The rate at or below which an error-rate alert is resolved: {@link
   * ErrorRateDetector#RESOLVE_FRACTION} of the threshold.
   */
  public double resolvePercent() {
    return thresholdPercent * ErrorRateDetector.RESOLVE_FRACTION;
  }

  /**
   * {@link Severity#CRITICAL} when the errors clients saw alone are above the threshold (users are
   * hurt), else {@link Severity#WARNING}: retries hid the rest.
   */
  public Severity severity() {
    return clientErrors * 100.0 > thresholdPercent * requests
        ? Severity.CRITICAL
        : Severity.WARNING;
  }

  /** Errors as a percentage of the requests in the window. */
  public double percent() {
    return requests == 0 ? 0 : errors() * 100.0 / requests;
  }
}
