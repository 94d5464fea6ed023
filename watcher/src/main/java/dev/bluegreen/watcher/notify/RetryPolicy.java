package dev.bluegreen.watcher.notify;

import java.time.Duration;

/**
 * When to try a failing sink again: exponential backoff with jitter, counted over the attempts that
 * failed in a row. Nothing is given up (the outbox keeps what is undelivered).
 *
 * @param initial the base delay after the first failure
 * @param max the longest delay between two attempts
 */
public record RetryPolicy(Duration initial, Duration max) {

  /** 1 s, 2 s, 4 s ... : a blip costs a second, an outage is not hammered. */
  public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(1);

  /**
   * Never wait more than 15 s between attempts, so the current state arrives soon after the sink is
   * back (an outage is still asked at most 4 times a minute).
   */
  public static final Duration DEFAULT_MAX = Duration.ofSeconds(15);

  public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_INITIAL, DEFAULT_MAX);

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
