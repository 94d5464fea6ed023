package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.watcher.ops.PendingControl;
import dev.bluegreen.watcher.ops.PendingControl.Fate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Controls wait for the owning thread, are applied in order, and report what became of them. */
class ControlQueueTest {
  private final ControlQueue queue = new ControlQueue();
  private final List<String> applied = new ArrayList<>();

  @Test
  void aControlIsAppliedOnlyWhenTheOwnerRunsThePendingOnes() throws Exception {
    PendingControl<String> done =
        queue.submit(
            () -> {
              applied.add("maintenance on");
              return "status after";
            });
    assertThat(applied).isEmpty();

    queue.runPending();

    assertThat(applied).containsExactly("maintenance on");
    PendingControl.Outcome<String> outcome = done.await(Duration.ZERO);
    assertThat(outcome.fate()).isEqualTo(Fate.APPLIED);
    assertThat(outcome.value()).isEqualTo("status after");
  }

  @Test
  void controlsAreAppliedInTheOrderAsked() {
    queue.submit(() -> applied.add("first"));
    queue.submit(() -> applied.add("second"));

    queue.runPending();

    assertThat(applied).containsExactly("first", "second");
  }

  @Test
  void aControlReportedAsTimedOutIsNeverAppliedLater() throws Exception {
    PendingControl<Boolean> late = queue.submit(() -> applied.add("maintenance on"));

    PendingControl.Outcome<Boolean> outcome = late.await(Duration.ofMillis(20));
    queue.runPending(); // the stuck reading thread comes back

    assertThat(outcome.fate()).isEqualTo(Fate.WITHDRAWN);
    assertThat(applied).as("a withdrawn control is skipped").isEmpty();
  }

  @Test
  void aControlAlreadyStartedIsAwaitedNotWithdrawn() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    PendingControl<String> slow =
        queue.submit(
            () -> {
              started.countDown();
              await(finish);
              applied.add("saved");
              return "done";
            });
    Thread owner = new Thread(queue::runPending);
    owner.start();
    started.await();

    PendingControl.Outcome<String> outcome = slow.await(Duration.ofMillis(20));
    finish.countDown();
    owner.join();

    assertThat(outcome.fate())
        .as("started within the wait, not finished: it will apply, and says so")
        .isEqualTo(Fate.STILL_APPLYING);
    assertThat(applied).containsExactly("saved");
  }

  @Test
  void aFailingControlFailsItsOutcomeInsteadOfLeavingTheCallerWaiting() throws Exception {
    PendingControl<Object> done =
        queue.submit(
            () -> {
              throw new IllegalStateException("broken");
            });

    assertThatThrownBy(queue::runPending).hasMessage("broken");

    PendingControl.Outcome<Object> outcome = done.await(Duration.ZERO);
    assertThat(outcome.fate()).isEqualTo(Fate.FAILED);
    assertThat(outcome.error()).isInstanceOf(IllegalStateException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
