package dev.bluegreen.watcher.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.page.History.Point;
import org.junit.jupiter.api.Test;

/** The sparklines' history: one sample per 5 s however often the status is published, 15 min. */
class HistoryTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void samplesOncePerIntervalHoweverOftenAsked() {
    History history = new History();

    // published every 200 ms for 12 s
    for (long t = 0; t <= 12_000; t += 200) {
      history.sample(T0 + t, t / 100_000.0, 0.004);
    }

    assertThat(history.points())
        .extracting(Point::atMillis)
        .containsExactly(T0, T0 + 5_000, T0 + 10_000);
    assertThat(history.points().get(1).errorRatio()).isEqualTo(0.05);
  }

  @Test
  void keepsTheLast15MinutesOldestFirst() {
    History history = new History();

    for (int i = 0; i < History.CAPACITY + 10; i++) {
      history.sample(T0 + i * History.EVERY_MILLIS, i, Double.NaN);
    }

    assertThat(history.points()).hasSize(History.CAPACITY);
    assertThat(history.points().get(0).errorRatio()).isEqualTo(10);
    assertThat(history.points().get(History.CAPACITY - 1).errorRatio())
        .isEqualTo(History.CAPACITY + 9);
    assertThat(History.CAPACITY * History.EVERY_MILLIS).isEqualTo(15 * 60 * 1000);
  }

  @Test
  void aClockThatWentBackSamplesAtOnce() {
    History history = new History();
    history.sample(T0, 0, 0);

    assertThat(history.sample(T0 - 60_000, 0.5, 0)).isTrue(); // NTP stepped back a minute
    assertThat(history.sample(T0 - 59_000, 0.5, 0)).isFalse();
  }
}
