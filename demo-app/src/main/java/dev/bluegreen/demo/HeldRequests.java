package dev.bluegreen.demo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests answered later without holding a thread: at most {@code capacity} at once, each answer
 * handed to the workers once, at its deadline or when {@link #releaseAll()} comes first.
 */
final class HeldRequests {
  private final ScheduledExecutorService timer;
  private final Executor workers;
  private final int capacity;
  private final AtomicInteger count = new AtomicInteger();
  private final Set<Held> held = ConcurrentHashMap.newKeySet();

  HeldRequests(ScheduledExecutorService timer, Executor workers, int capacity) {
    this.timer = timer;
    this.workers = workers;
    this.capacity = capacity;
  }

  /** Holds {@code answer} for {@code millis}; false (and nothing held) when full. */
  boolean hold(long millis, Runnable answer) {
    if (count.incrementAndGet() > capacity) {
      count.decrementAndGet();
      return false;
    }
    Held h = new Held(answer);
    held.add(h);
    h.deadline = timer.schedule(h, millis, TimeUnit.MILLISECONDS);
    return true;
  }

  /** Answers every held request now. */
  void releaseAll() {
    for (Held h : held) {
      h.run();
    }
  }

  /** Requests held right now (tests wait on it instead of sleeping). */
  int size() {
    return count.get();
  }

  private final class Held implements Runnable {
    private final Runnable answer;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile ScheduledFuture<?> deadline;

    Held(Runnable answer) {
      this.answer = answer;
    }

    @Override
    public void run() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      held.remove(this);
      count.decrementAndGet();
      ScheduledFuture<?> d = deadline;
      if (d != null) {
        d.cancel(false);
      }
      try {
        workers.execute(answer);
      } catch (RejectedExecutionException e) {
        // Shutting down: the server's stop closes the connection.
      }
    }
  }
}
