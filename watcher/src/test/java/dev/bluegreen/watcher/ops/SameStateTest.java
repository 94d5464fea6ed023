package dev.bluegreen.watcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.page.History;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the status page's stream sends again: a change of what it shows, not a new snapshot. */
class SameStateTest {
  private static WatcherStatus status(long lines, long failovers) {
    long[] alerts = new long[AlertKind.values().length];
    alerts[AlertKind.FAILOVER.ordinal()] = failovers;
    return TestStatus.of(lines, "blue", "blue", alerts);
  }

  private static LiveView view(WatcherStatus status, List<History.Point> history) {
    return new LiveView(status, "v1", 200, "ooo", List.of(), history, List.of());
  }

  @Test
  void aNewSnapshotOfTheSameStateIsNoChangeNorIsANewHistorySample() {
    LiveView before = view(status(10, 0), List.of(new History.Point(0, 0, 0.004)));
    LiveView after =
        view(
            status(10, 0), // a new record, a new array of the same counts, NaN as before
            List.of(new History.Point(0, 0, 0.004), new History.Point(5000, 0, 0.004)));

    assertThat(SameState.of(before, after)).isTrue();
  }

  @Test
  void aLineReadOrAnAlertIsAChange() {
    LiveView before = view(status(10, 0), List.of());

    assertThat(SameState.of(before, view(status(11, 0), List.of()))).isFalse();
    assertThat(SameState.of(before, view(status(10, 1), List.of()))).isFalse();
    assertThat(SameState.of(before, null)).isFalse();
  }
}
