package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Controls wait for the owning thread, are applied in order, and report what became of them. */
class ControlQueueTest {
  private final ControlQueue queue = new ControlQueue();
  private final List<String> applied = new ArrayList<>();

  @Test
  void aControlIsAppliedOnlyWhenTheOwnerRunsThePendingOnes() throws Exception {
    CompletableFuture<String> done =
        queue.submit(
            () -> {
              applied.add("maintenance on");
              return "status after";
            });
    assertThat(done).isNotDone();
    assertThat(applied).isEmpty();

    queue.runPending();

    assertThat(applied).containsExactly("maintenance on");
    assertThat(done.get()).isEqualTo("status after");
  }

  @Test
  void controlsAreAppliedInTheOrderAsked() {
    queue.submit(() -> applied.add("first"));
    queue.submit(() -> applied.add("second"));

    queue.runPending();

    assertThat(applied).containsExactly("first", "second");
  }

  @Test
  void aFailingControlFailsItsFutureInsteadOfLeavingTheCallerWaiting() {
    CompletableFuture<Object> done =
        queue.submit(
            () -> {
              throw new IllegalStateException("broken");
            });

    assertThatThrownBy(queue::runPending).hasMessage("broken");

    assertThatThrownBy(done::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }
}
