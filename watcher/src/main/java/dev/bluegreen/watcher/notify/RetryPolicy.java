package dev.bluegreen.watcher.notify;

import java.time.Duration;

/**
 * When to try a failed delivery again: exponential backoff with jitter, up to a give-up time.
 *
 * @param initial the base delay after the first failure
 * @param max the longest delay between two attempts
 * @param giveUpAfter a message still undelivered this long after its first attempt is given up
 */
public record RetryPolicy(Duration initial, Duration max, Duration giveUpAfter) {

  /** 1 s, 2 s, 4 s ... : a blip costs a second, an outage is not hammered. */
  public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(1);

  /** Never wait more than a minute between attempts, so an alert arrives soon after Slack does. */
  public static final Duration DEFAULT_MAX = Duration.ofSeconds(60);

  /** An alert older than 5 minutes is stale; later alerts matter more than it. */
  public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(5);

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(DEFAULT_INITIAL, DEFAULT_MAX, DEFAULT_GIVE_UP_AFTER);

  /**
   * The delay after the {@code failures}-th failed attempt of one message (1-based): {@code initial
   * * 2^(failures-1)}, capped at {@code max}, then "equal jitter": between half and all of it, so
   * several watchers that failed together do not retry together.
   *
   * @param random a number in [0, 1)
   */
  public Duration nextDelay(int failures, double random) {
    long base = initial.toNanos();
    long cap = max.toNanos();
    for (int i = 1; i < failures && base < cap; i++) {
      base *= 2;
    }
    base = Math.min(base, cap);
    long half = base / 2;
    return Duration.ofNanos(half + (long) (random * (base - half)));
  }
}
