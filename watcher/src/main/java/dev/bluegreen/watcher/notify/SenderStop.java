package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.time.Timing;

/**
 * How one sender stops: asked to (the queue drains until a deadline; a wait that would end past it
 * is cut short), or forced (the drain time is over: the message in progress is abandoned). The
 * sender waits here, so a stop request wakes it from a backoff at once.
 */
final class SenderStop {
  private final Timing timing;
  private final Thread sender;
  private final Object lock = new Object();
  private boolean sleeping; // guarded by lock: only a sleeping sender is interrupted
  private volatile boolean stopping;
  private volatile boolean forced;
  private volatile long deadline;

  SenderStop(Timing timing, Thread sender) {
    this.timing = timing;
    this.sender = sender;
  }

  /** Drain until {@code deadlineNanos} (of {@link Timing#nanoTime()}), then stop. */
  void request(long deadlineNanos) {
    deadline = deadlineNanos;
    stopping = true;
    synchronized (lock) {
      if (sleeping) {
        sender.interrupt(); // a backoff longer than the drain: decide again with the deadline
      }
    }
  }

  /** Stop now, abandoning the message in progress. */
  void force() {
    synchronized (lock) {
      forced = true;
      sender.interrupt();
    }
  }

  boolean stopping() {
    return stopping;
  }

  boolean forced() {
    return forced;
  }

  /** Whether the sender is done: asked to stop, and its queue is empty or the deadline passed. */
  boolean drained(int queued) {
    return stopping && (queued == 0 || timing.nanoTime() - deadline >= 0);
  }

  /**
   * Sleeps until {@code atNanos}; false when that is past the stop deadline, so the message is left
   * undelivered instead of holding the shutdown.
   *
   * @throws InterruptedException when forced to stop
   */
  boolean sleepUntil(long atNanos) throws InterruptedException {
    while (true) {
      long remaining = atNanos - timing.nanoTime();
      if (remaining <= 0) {
        return true;
      }
      synchronized (lock) {
        if (forced || (stopping && atNanos - deadline > 0)) {
          return false;
        }
        sleeping = true;
      }
      try {
        timing.sleep(remaining);
      } catch (InterruptedException wokenUp) {
        if (forced) {
          throw wokenUp;
        }
      } finally {
        synchronized (lock) {
          sleeping = false;
          if (!forced) {
            Thread.interrupted(); // a wake-up for the stop request, handled by the loop
          }
        }
      }
    }
  }
}
