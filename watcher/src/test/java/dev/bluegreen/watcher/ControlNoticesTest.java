package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.ops.ControlResult.Notice;
import dev.bluegreen.watcher.time.FakeTiming;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the channel hears of rapid controls: the first at once, then the state in force. */
class ControlNoticesTest {
  private final FakeTiming timing = new FakeTiming();
  private final RecordingOutlet outlet = new RecordingOutlet();
  private final ControlNotices notices = new ControlNotices(outlet, timing, false, "blue");

  @Test
  void togglesWithinFiveSecondsAreHeardOnceThenTheStateInForce() {
    assertThat(notices.maintenance(true)).isEqualTo(Notice.SENT);
    assertThat(notices.maintenance(false)).isEqualTo(Notice.HELD);
    timing.advance(Duration.ofSeconds(4));
    notices.releaseDue(false, "blue");
    assertThat(outlet.notices()).containsExactly("maintenance on");

    timing.advance(Duration.ofSeconds(1));
    notices.releaseDue(false, "blue");

    assertThat(outlet.notices()).containsExactly("maintenance on", "maintenance off");
  }

  @Test
  void aToggleBackWithinFiveSecondsSaysNothingMore() {
    notices.maintenance(true);
    notices.maintenance(false);
    notices.maintenance(true);
    timing.advance(Duration.ofSeconds(10));

    notices.releaseDue(true, "blue");

    assertThat(outlet.notices()).containsExactly("maintenance on");
  }

  @Test
  void switchesWithinFiveSecondsAreHeardAsOneMoveFromWhatTheChannelLastHeard() {
    notices.plannedSwitch("green");
    notices.plannedSwitch("blue");
    notices.plannedSwitch("green-2");
    timing.advance(Duration.ofSeconds(5));

    notices.releaseDue(false, "green-2");

    assertThat(outlet.notices()).containsExactly("switch blue -> green", "switch green -> green-2");
  }

  @Test
  void aHeldNoticeGoesOutAtShutdownRatherThanNever() {
    notices.maintenance(true);
    notices.maintenance(false);

    notices.flush(false, "blue");

    assertThat(outlet.notices()).containsExactly("maintenance on", "maintenance off");
  }
}
