package dev.bluegreen.watcher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Changes asked for by other threads (the admin endpoint), applied in order on the one thread that
 * owns the watcher's state, at its next poll. The asking thread gets a future that completes with
 * the change's result once it was applied, so every change of state happens on one thread.
 */
final class ControlQueue {
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();

  /** Queues {@code change}; any thread. */
  <T> CompletableFuture<T> submit(Supplier<T> change) {
    CompletableFuture<T> done = new CompletableFuture<>();
    pending.add(
        () -> {
          try {
            done.complete(change.get());
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
            throw e;
          }
        });
    return done;
  }

  /** Applies every queued change, oldest first; the owning thread only. */
  void runPending() {
    Runnable change;
    while ((change = pending.poll()) != null) {
      change.run();
    }
  }
}
