package dev.bluegreen.watcher.notify;

import java.time.Duration;

/**
 * What one delivery attempt came to.
 *
 * @param answer accepted, worth retrying, or rejected for good
 * @param reason for people: the status and the sink's own words (e.g. {@code 404 no_service})
 * @param retryAfter the wait the sink asked for (429 Retry-After), else {@code null}
 */
public record Attempt(Answer answer, String reason, Duration retryAfter) {

  /** The three answers a sink can give; each HTTP answer maps to one in {@link HttpAnswers}. */
  public enum Answer {
    ACCEPTED,
    RETRY,
    REJECTED
  }

  public static Attempt accepted() {
    return new Attempt(Answer.ACCEPTED, "accepted", null);
  }

  public static Attempt retry(String reason, Duration retryAfter) {
    return new Attempt(Answer.RETRY, reason, retryAfter);
  }

  public static Attempt rejected(String reason) {
    return new Attempt(Answer.REJECTED, reason, null);
  }
}
