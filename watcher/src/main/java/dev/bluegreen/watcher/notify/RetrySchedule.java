package dev.bluegreen.watcher.notify;

import java.time.Duration;

/**
 * When one sink's next request may go, decided without threads or clocks (times are {@link
 * dev.bluegreen.watcher.time.Timing#nanoTime()} values passed in): never sooner than the sink's
 * {@link Notifier#minInterval()} after its last request, retries included; after a failure, when
 * the sink's Retry-After or the {@link RetryPolicy}'s backoff says. Nothing is given up: while the
 * sink fails, its {@link Outbox} collapses what was overtaken.
 */
final class RetrySchedule {
  private final RetryPolicy policy;
  private final Duration minInterval;

  RetrySchedule(RetryPolicy policy, Duration minInterval) {
    this.policy = policy;
    this.minInterval = minInterval;
  }

  /**
   * The next try of a message after a failed attempt.
   *
   * @param at when to send it again
   * @param delay the wait from the failure until then, for the log
   */
  record Retry(long at, Duration delay) {}

  /** The earliest time of a request after one that ended at {@code lastRequest}: the pace. */
  long pacedAfter(long lastRequest) {
    return lastRequest + minInterval.toNanos();
  }

  /**
   * After the {@code failures}-th attempt in a row failed at {@code now}: when to try again.
   *
   * @param random a number in [0, 1) for the backoff's jitter
   */
  Retry afterFailure(Attempt failed, int failures, long now, double random) {
    Duration delay =
        failed.retryAfter() != null ? failed.retryAfter() : policy.nextDelay(failures, random);
    if (delay.compareTo(minInterval) < 0) {
      delay = minInterval; // the pace holds for retries too
    }
    return new Retry(now + delay.toNanos(), delay);
  }
}
