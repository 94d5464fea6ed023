package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** At most one notice per control per 5 s; a held one is due once the 5 s are up. */
class NoticeSpacingTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private final NoticeSpacing notices = new NoticeSpacing();

  @Test
  void theFirstChangeIsAnnouncedAtOnce() {
    assertThat(notices.changed(100 * SECOND)).isTrue();
    assertThat(notices.heldDue(200 * SECOND)).isFalse();
  }

  @Test
  void twoThousandTogglesInFourSecondsMakeOneNoticeNowAndOneHeld() {
    int sent = 0;
    for (int i = 0; i < 2_000; i++) {
      sent += notices.changed(i * 2 * SECOND / 1_000) ? 1 : 0;
    }
    assertThat(sent).isEqualTo(1);
    assertThat(notices.heldDue(4 * SECOND)).as("before 5 s").isFalse();
    assertThat(notices.heldDue(5 * SECOND)).as("once 5 s are up").isTrue();
    assertThat(notices.heldDue(20 * SECOND)).as("only once").isFalse();
  }

  @Test
  void aChangeFiveSecondsAfterTheLastNoticeGoesAtOnce() {
    notices.changed(0);
    assertThat(notices.changed(5 * SECOND)).isTrue();
  }
}
