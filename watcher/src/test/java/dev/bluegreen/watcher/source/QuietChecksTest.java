package dev.bluegreen.watcher.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a quiet log is looked at after a wait: the follower's idle cost, decided without a file. */
class QuietChecksTest {
  private final QuietChecks checks = new QuietChecks();

  @Test
  void unannouncedWaitsWithTrustedNotificationsLookAtEveryFifthOnly() {
    assertThat(looksOver(12, false, true, false))
        .containsExactly(
            false, false, false, false, true, false, false, false, false, true, false, false);
  }

  @Test
  void withoutTrustedNotificationsEveryWaitEndsInALook() {
    assertThat(looksOver(6, false, false, false)).containsOnly(true);
  }

  @Test
  void aChangeOrACallerAlwaysGetsALookAndStartsTheCountAgain() {
    looksOver(3, false, true, false);
    assertThat(checks.lookAfterWait(true, true, false)).isTrue();
    assertThat(looksOver(5, false, true, false)).containsExactly(false, false, false, false, true);
  }

  @Test
  void aPendingRotationIsLookedAtAfterEveryWait() {
    // its old file's quiet time decides the switch, and no notification announces that
    assertThat(looksOver(6, false, true, true)).containsOnly(true);
  }

  @Test
  void aBusyReadStartsTheCountAgain() {
    looksOver(4, false, true, false);
    checks.looked();
    assertThat(looksOver(5, false, true, false)).containsExactly(false, false, false, false, true);
  }

  private List<Boolean> looksOver(int waits, boolean woken, boolean trusted, boolean pending) {
    List<Boolean> looks = new ArrayList<>();
    for (int i = 0; i < waits; i++) {
      looks.add(checks.lookAfterWait(woken, trusted, pending));
    }
    return looks;
  }
}
