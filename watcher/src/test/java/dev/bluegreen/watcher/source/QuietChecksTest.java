package dev.bluegreen.watcher.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How long a quiet log is waited on and when it is looked at after a wait: the follower's idle
 * cost, decided without a file or a clock (times in nanos from 0).
 */
class QuietChecksTest {
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final long SECOND = POLL.toNanos();

  private final QuietChecks checks = new QuietChecks(POLL, 0);

  @Test
  void withTrustedNotificationsAQuietLogIsWaitedOnUntilTheSafetyLookTenPollsLater() {
    assertThat(checks.waitFor(true, false, 0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(checks.lookAfterWait(false, true, false, 10 * SECOND)).isTrue();

    checks.looked(10 * SECOND);
    assertThat(checks.waitFor(true, false, 10 * SECOND)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void waitsCutShortByADecisionDueAddUpToTheSafetyLook() {
    // a flip settling: the sink asks for a poll every second, and the file is looked at every tenth
    long now = 0;
    StringBuilder looks = new StringBuilder();
    for (int wait = 1; wait <= 20; wait++) {
      now += SECOND;
      boolean look = checks.lookAfterWait(false, true, false, now);
      looks.append(look ? 'L' : '.');
      if (look) {
        checks.looked(now);
      }
      assertThat(checks.waitFor(true, false, now))
          .as("the wait left until the next safety look, after wait %d", wait)
          .isEqualTo(Duration.ofSeconds(look ? 10 : 10 - wait % 10));
    }
    assertThat(looks).hasToString(".........L.........L");
  }

  @Test
  void aWaitEndingALittleEarlyStillTakesTheSafetyLook() {
    // a monitor's timed wait can return a little before its limit: no second wake-up for the rest
    assertThat(checks.lookAfterWait(false, true, false, 10 * SECOND - SECOND / 20)).isTrue();
    assertThat(checks.lookAfterWait(false, true, false, 10 * SECOND - SECOND / 2)).isFalse();
  }

  @Test
  void theWaitIsRoundedUpToWholeMillisecondsSoThatItEndsWithTheLookDue() {
    checks.looked(1); // a nanosecond in: the monitor's wait counts whole milliseconds

    assertThat(checks.waitFor(true, false, 2 * SECOND)).isEqualTo(Duration.ofMillis(8_001));
  }

  @Test
  void anOverdueSafetyLookIsNotWaitedFor() {
    assertThat(checks.waitFor(true, false, 12 * SECOND)).isEqualTo(Duration.ZERO);
  }

  @Test
  void withoutTrustedNotificationsEachWaitLastsAPollAndEndsInALook() {
    assertThat(checks.waitFor(false, false, 0)).isEqualTo(POLL);
    assertThat(checks.lookAfterWait(false, false, false, SECOND)).isTrue();
  }

  @Test
  void aChangeOrACallerAlwaysGetsALookAndStartsTheIntervalAgain() {
    assertThat(checks.lookAfterWait(true, true, false, 2 * SECOND)).isTrue();
    checks.looked(2 * SECOND);

    assertThat(checks.lookAfterWait(false, true, false, 10 * SECOND)).isFalse();
    assertThat(checks.waitFor(true, false, 10 * SECOND)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aPendingRotationIsWaitedOnAPollAtATimeAndLookedAtAfterEach() {
    // its old file's quiet time decides the switch, and no notification announces that
    assertThat(checks.waitFor(true, true, 0)).isEqualTo(POLL);
    assertThat(checks.lookAfterWait(false, true, true, SECOND)).isTrue();
  }

  @Test
  void aBusyReadStartsTheIntervalAgain() {
    checks.looked(4 * SECOND); // a read of a busy log

    assertThat(checks.lookAfterWait(false, true, false, 10 * SECOND)).isFalse();
    assertThat(checks.waitFor(true, false, 10 * SECOND)).isEqualTo(Duration.ofSeconds(4));
  }
}
