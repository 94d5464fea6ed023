package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox's version moves only when what is undelivered changes: a checkpoint saves the state
 * file when it moves, so an idle sender must leave it alone.
 */
class SinkBoxTest {
  private final SinkBox box = new SinkBox(new Outbox("webhook", 10, true));
  private final List<Outbox.Dropped> drops = new ArrayList<>();

  @Test
  void anIdleWaitThatTakesNothingLeavesTheVersionAlone() throws InterruptedException {
    long before = box.version();

    assertThat(box.take(false, 1, drops)).isNull();
    assertThat(box.take(false, 0, drops)).isNull();

    assertThat(box.version()).isEqualTo(before);
  }

  @Test
  void addingTakingAndSettlingEachMoveTheVersion() throws InterruptedException {
    long start = box.version();
    box.add(Message.of(Samples.failover()));
    long added = box.version();
    assertThat(box.take(false, 0, drops)).isNotNull();
    long taken = box.version();
    box.settle();

    assertThat(List.of(start, added, taken, box.version())).doesNotHaveDuplicates();
  }

  @Test
  void aWakeUpBeforeTheSenderWaitsIsNotLost() {
    box.wakeUp(); // e.g. a stop requested between the sender's check and its wait

    // the sender of a sink that never refreshes waits a minute: the wake-up must end it at once
    assertTimeoutPreemptively(
        Duration.ofSeconds(20), () -> assertThat(box.take(false, 600_000, drops)).isNull());
  }
}
