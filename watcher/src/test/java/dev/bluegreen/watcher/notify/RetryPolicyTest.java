package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void delaysDoubleFromOneSecond() {
    assertThat(policy.nextDelay(1, 0.999_999))
        .isCloseTo(Duration.ofSeconds(1), Duration.ofMillis(1));
    assertThat(policy.nextDelay(2, 0.999_999))
        .isCloseTo(Duration.ofSeconds(2), Duration.ofMillis(1));
    assertThat(policy.nextDelay(3, 0.999_999))
        .isCloseTo(Duration.ofSeconds(4), Duration.ofMillis(1));
    assertThat(policy.nextDelay(4, 0.999_999))
        .isCloseTo(Duration.ofSeconds(8), Duration.ofMillis(1));
  }

  @Test
  void jitterKeepsBetweenHalfAndAllOfTheDelay() {
    assertThat(policy.nextDelay(3, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.nextDelay(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void delaysAreCappedAtTheMaximum() {
    assertThat(policy.nextDelay(7, 0.999_999))
        .isCloseTo(Duration.ofSeconds(15), Duration.ofMillis(1));
    assertThat(policy.nextDelay(1_000, 0.999_999))
        .isCloseTo(Duration.ofSeconds(15), Duration.ofMillis(1));
  }
}
