package dev.bluegreen.watcher;

import dev.bluegreen.watcher.ops.PendingControl;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Changes asked for by other threads (the admin endpoint), applied in order on the one thread that
 * owns the watcher's state, at its next poll. The asking thread gets a {@link PendingControl} that
 * completes once the change was applied, or that it withdraws when it stops waiting: a withdrawn
 * change is skipped, so a control reported as timed out is never applied later.
 */
final class ControlQueue {
  private record Queued<T>(PendingControl<T> control, Supplier<T> change) {
    void run() {
      if (!control.start()) {
        return; // withdrawn: the asker was told nothing changed
      }
      try {
        control.complete(change.get());
      } catch (RuntimeException e) {
        control.fail(e);
        throw e;
      }
    }
  }

  private final ConcurrentLinkedQueue<Queued<?>> pending = new ConcurrentLinkedQueue<>();

  /** Queues {@code change}; any thread. */
  <T> PendingControl<T> submit(Supplier<T> change) {
    PendingControl<T> control = new PendingControl<>();
    pending.add(new Queued<>(control, change));
    return control;
  }

  /**
   * Applies every queued change that was not withdrawn, oldest first; the owning thread only.
   * Returns how many were taken from the queue.
   */
  int runPending() {
    int taken = 0;
    Queued<?> change;
    while ((change = pending.poll()) != null) {
      taken++;
      change.run();
    }
    return taken;
  }
}
