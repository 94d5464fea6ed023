package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.notify.Episodes.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random episodes, outages and small capacities against what must always hold: a recovery is never
 * sent without its failover, no first announcement is dropped for room, and every message is sent,
 * dropped with a reason, or still in the box. A failure shows the seed and the steps.
 */
class OutboxModelTest {

  @RepeatedTest(200)
  void neverARecoveryWithoutItsFailoverAndNothingLostSilently(RepetitionInfo repetition) {
    long seed = 7919L * repetition.getCurrentRepetition();
    Random random = new Random(seed);
    Outbox box = new Outbox("slack", 2 + random.nextInt(8), random.nextBoolean());
    List<String> steps = new ArrayList<>();
    Map<String, Boolean> announced = new HashMap<>();
    boolean poolOpen = false;
    boolean down = false;
    int added = 0;
    int sent = 0;
    int dropped = 0;
    for (int step = 0, minute = 0; step < 300; step++) {
      int op = random.nextInt(10);
      if (op < 4) {
        AlertMessage alert =
            poolOpen
                ? (random.nextInt(4) == 0
                    ? OutboxTest.reminder(minute++)
                    : OutboxTest.recovery(minute++))
                : OutboxTest.failover(minute++);
        poolOpen = Episodes.role(alert) != Role.CLOSES;
        box.add(alert);
        added++;
        steps.add("add " + alert.describe() + (alert.alert().reminder() ? " (reminder)" : ""));
      } else if (op < 5) {
        down = !down;
        steps.add(down ? "sink down" : "sink up");
      } else {
        Message next = box.take(down);
        if (next == null) {
          continue;
        }
        if (down) {
          box.putBack();
          steps.add("failed " + next.describe());
          continue;
        }
        box.settle();
        steps.add("sent " + next.describe());
        String key = Episodes.key(next);
        Role role = Episodes.role(next);
        if (role == Role.CLOSES) {
          assertThat(announced.getOrDefault(key, false))
              .as("seed %d: a recovery without its failover after %s", seed, steps)
              .isTrue();
          announced.put(key, false);
        } else if (role != Role.NONE) {
          announced.put(key, true);
        }
        if (!(next instanceof Notice.Summary)) {
          sent++;
        }
      }
      for (Outbox.Dropped drop : box.takeDrops()) {
        assertThat(
                drop.reason() == DropReason.QUEUE_FULL
                    && Episodes.role(drop.message()) == Role.OPENS)
            .as("seed %d: a first announcement dropped for room after %s", seed, steps)
            .isFalse();
        if (!(drop.message() instanceof Notice.Summary)) {
          dropped++;
        }
      }
    }
    dropped +=
        box.takeDrops().stream().filter(d -> !(d.message() instanceof Notice.Summary)).count();
    long left = box.undelivered().stream().filter(m -> !(m instanceof Notice.Summary)).count();
    assertThat(sent + dropped + left)
        .as("seed %d: every message accounted for", seed)
        .isEqualTo(added);
  }
}
