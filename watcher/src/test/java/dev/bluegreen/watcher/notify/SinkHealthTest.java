package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health sees a sink failing since its first failed attempt, and only messages truly lost. */
class SinkHealthTest {
  @Test
  void supersededMessagesAreNotLostAndFailingSinceIsTheFirstFailure() {
    Instant since = Instant.parse("2026-12-01T03:04:05Z");
    SinkStats failing =
        new SinkStats(
            "slack",
            3,
            10,
            4,
            Map.of(DropReason.SUPERSEDED, 7L, DropReason.QUEUE_FULL, 1L, DropReason.SHUTDOWN, 2L),
            since);

    assertThat(SinkHealth.of(failing)).isEqualTo(new SinkHealth("slack", since.toEpochMilli(), 3));
    assertThat(SinkHealth.of(new SinkStats("slack", 0, 10, 0, Map.of(), null)))
        .isEqualTo(new SinkHealth("slack", 0, 0));
  }
}
