package dev.bluegreen.watcher.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.parse.AccessEvent;
import dev.bluegreen.watcher.parse.FailedAttempt;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLogTest {
  private static final String BLUE = "10.0.0.2:3000";
  private static final String GREEN = "10.0.0.3:3000";

  private final FailureLog log = new FailureLog();

  private static AccessEvent served(String pool, String address) {
    return new AccessEvent(0, 200, pool, "v1", address, 1, 0, 4);
  }

  /** Blue answered {@code status}; Nginx retried on green, which served. */
  private static AccessEvent retried(int status, String requestId) {
    return new AccessEvent(
        0, 200, "green", "v1", GREEN, 2, 1, 4, requestId, List.of(new FailedAttempt(BLUE, status)));
  }

  @Test
  void aFailoverNamesTheFailingPoolsAttemptsOfTheLast30SecondsAndOneRequestToTrace() {
    for (long t = 0; t < 10_000; t += 500) {
      log.observe(served("blue", BLUE), t); // 20 good answers, more than 30 s before the failover
    }
    for (int k = 1; k <= 6; k++) {
      log.observe(retried(500, "req-" + k), 40_000 + k * 1000);
    }

    Evidence why = log.forPool("blue", 46_000);

    assertThat(why)
        .isEqualTo(
            new Evidence("blue", BLUE, 6, 6, List.of(new Evidence.StatusCount(500, 6)), "req-6"));
    assertThat(why.describe())
        .isEqualTo("blue: 6 of 6 attempts failed (500 x6) at 10.0.0.2:3000, request_id req-6");
  }

  @Test
  void goodAnswersWithinTheSpanCountAsAttemptsAndStatusesAreMostFrequentFirst() {
    log.observe(served("blue", BLUE), 1_000);
    log.observe(served("blue", BLUE), 2_000);
    log.observe(retried(504, "a"), 3_000);
    log.observe(retried(502, "b"), 4_000);
    log.observe(retried(504, "c"), 5_000);

    Evidence why = log.forPool("blue", 5_000);

    assertThat(why.describe())
        .isEqualTo("blue: 3 of 5 attempts failed (504 x2, 502 x1) at 10.0.0.2:3000, request_id c");
    assertThat(log.forPool("green", 5_000)).as("green failed nothing").isNull();
  }

  @Test
  void anErrorRateCitesNginxsOwnErrorsWhenNoPoolFailed() {
    AccessEvent own = new AccessEvent(0, 500, null, null, null, 0, 0, 0, "r-9", List.of());
    log.observe(served("blue", BLUE), 1_000);
    log.observe(own, 2_000);
    log.observe(own, 3_000);

    Evidence why = log.forErrors(3_000);

    assertThat(why.pool()).isNull();
    assertThat(why.describe()).isEqualTo("errors 500 x2, request_id r-9");
  }

  @Test
  void anErrorRateNamesThePoolWithTheMostFailuresAndAllStatuses() {
    log.observe(served("blue", BLUE), 0);
    log.observe(retried(500, "x"), 1_000);
    AccessEvent both =
        new AccessEvent(
            0,
            502,
            null,
            null,
            GREEN,
            2,
            2,
            4,
            "y",
            List.of(new FailedAttempt(BLUE, 502), new FailedAttempt(GREEN, 502)));
    log.observe(both, 2_000);

    Evidence why = log.forErrors(2_000);

    assertThat(why.pool()).isEqualTo("blue");
    assertThat(why.statusText()).isEqualTo("502 x2, 500 x1");
    assertThat(why.requestId()).isEqualTo("y");
  }

  @Test
  void manyAddressesReuseAFixedNumberOfSlots() {
    for (int k = 0; k < 1_000; k++) {
      log.observe(served("p" + k, "10.1." + k + ":3000"), k);
    }
    log.observe(retried(500, "z"), 2_000); // blue's address, never seen answering: no pool known

    assertThat(log.forPool("blue", 2_000).failed()).isEqualTo(1);
  }

  @Test
  void linesWithoutFailuresAllocateNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    AccessEvent blue = served("blue", BLUE);
    AccessEvent green = served("green", GREEN);
    for (int k = 0; k < 200_000; k++) { // warm up, and fill every second of the ring
      log.observe(k % 2 == 0 ? blue : green, k);
    }
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int k = 200_000; k < 400_000; k++) {
      log.observe(k % 2 == 0 ? blue : green, k);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    assertThat(allocated).as("bytes for 200,000 good lines").isLessThan(1_000);
  }
}
