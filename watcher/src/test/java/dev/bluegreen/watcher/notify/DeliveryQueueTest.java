package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryQueueTest {
  private final Message failover1 = Message.of(Samples.failover("blue", "green", "r1"));
  private final Message failover2 = Message.of(Samples.failover("green", "red", "r2"));
  private final Message recovery = Message.of(Samples.recovery());
  private final Message errorRate = Message.of(Samples.errorRate());
  private final Message resolved = Message.of(Samples.resolved());
  private final Message notice = Notice.maintenanceOn(Samples.AT);

  @Test
  void belowCapacityNothingIsDropped() {
    DeliveryQueue queue = new DeliveryQueue(2);

    assertThat(queue.offer(failover1)).isNull();
    assertThat(queue.offer(recovery)).isNull();
    assertThat(drain(queue)).containsExactly(failover1, recovery);
  }

  @Test
  void aFullQueueDropsTheOldestNonRecoveryAlert() {
    DeliveryQueue queue = new DeliveryQueue(3);
    queue.offer(recovery);
    queue.offer(failover1);
    queue.offer(errorRate);

    assertThat(queue.offer(failover2)).isSameAs(failover1);
    assertThat(drain(queue)).containsExactly(recovery, errorRate, failover2);
  }

  @Test
  void noticesGoBeforeAlerts() {
    DeliveryQueue queue = new DeliveryQueue(2);
    queue.offer(failover1);
    queue.offer(notice);

    assertThat(queue.offer(errorRate)).isSameAs(notice);
    assertThat(queue.offer(Notice.maintenanceOff(Samples.AT)))
        .as("a new notice into a queue of alerts is itself the one to go")
        .isInstanceOf(Notice.class);
    assertThat(drain(queue)).containsExactly(failover1, errorRate);
  }

  @Test
  void recoveriesAndResolutionsAreTheLastToGo() {
    DeliveryQueue queue = new DeliveryQueue(2);
    queue.offer(recovery);
    queue.offer(resolved);

    assertThat(queue.offer(failover1))
        .as("the only non-recovery is the newcomer")
        .isSameAs(failover1);
    Message laterRecovery = Message.of(Samples.recovery());
    assertThat(queue.offer(laterRecovery)).as("all closing: the oldest goes").isSameAs(recovery);
    assertThat(drain(queue)).containsExactly(resolved, laterRecovery);
  }

  private static List<Message> drain(DeliveryQueue queue) {
    List<Message> out = new ArrayList<>();
    Message message;
    while ((message = queue.pollNow()) != null) {
      out.add(message);
    }
    return out;
  }
}
