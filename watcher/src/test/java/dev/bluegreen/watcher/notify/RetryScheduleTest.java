package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pacing and retry decision, row by row, without threads or clocks. */
class RetryScheduleTest {
  private static final long SECOND = 1_000_000_000L;

  /** The default policy (1 s doubling to 15 s) at Slack's pace of 1 s. */
  private final RetrySchedule schedule =
      new RetrySchedule(RetryPolicy.DEFAULT, Duration.ofSeconds(1));

  @ParameterizedTest(name = "attempt {0} failed at {2} s (Retry-After {1}) -> retry after {3}")
  @CsvSource({
    // failures in a row, Retry-After (s), failed at (s), expected delay (ms)
    "1, , 0, 1000", // backoff 0.75 s (jitter 0.5) is paced up to 1 s
    "2, , 0, 1500",
    "3, , 0, 3000",
    "7, , 0, 11250", // capped at 15 s, then jittered
    "1, 7, 0, 7000", // the sink's Retry-After wins over the backoff
    "1, 0, 0, 1000", // but never sooner than the pace
    "1, 7, 294, 7000", // late in an outage: nothing is given up
    "40, , 3600, 11250", // an hour in: still asked, 15 s apart at most
  })
  void aFailedAttemptIsRetriedAfterTheSinksWaitOrTheBackoff(
      int attempts, Long retryAfterSeconds, long failedAtSeconds, long expected) {
    Attempt failed =
        Attempt.retry(
            "503", retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds));
    long now = failedAtSeconds * SECOND;

    RetrySchedule.Retry retry = schedule.afterFailure(failed, attempts, now, 0.5);

    Duration delay = Duration.ofMillis(expected);
    assertThat(retry).isEqualTo(new RetrySchedule.Retry(now + delay.toNanos(), delay));
  }

  @ParameterizedTest(name = "a request ending at {0} ns -> the next at {1} ns")
  @CsvSource({"0, 1000000000", "5000000000, 6000000000", "-3, 999999997"})
  void theNextRequestWaitsForThePace(long lastRequest, long next) {
    assertThat(schedule.pacedAfter(lastRequest)).isEqualTo(next);
  }
}
