package dev.bluegreen.watcher.notify;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An {@link Outbox} shared by the log-reading thread (which adds, never blocking), the sink's
 * sender (which takes and settles) and the checkpoint (which copies what is undelivered). Every
 * change moves {@link #version()}, so a checkpoint knows when the outbox needs saving.
 */
final class SinkBox {
  private final Outbox outbox;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // written under the lock, read without it: the reading thread asks at every poll, and an idle
  // watcher's poll runs in the interpreter, where each lock and unlock is costly and soon compiled
  private volatile long version;
  private boolean woken; // a wake-up the sender has not seen yet: its next take does not wait

  SinkBox(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Adds {@code message}; returns what was dropped to make room or as superseded. */
  List<Outbox.Dropped> add(Message message) {
    lock.lock();
    try {
      outbox.add(message);
      version++;
      changed.signal();
      return outbox.takeDrops();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next message, waiting up to {@code timeoutMillis} (0: not at all); {@code null} if none
   * came or on a wake-up. Superseded messages go to {@code drops}.
   */
  Message take(boolean down, long timeoutMillis, List<Outbox.Dropped> drops)
      throws InterruptedException {
    lock.lock();
    try {
      if (outbox.size() == 0 && timeoutMillis > 0 && !woken) {
        changed.await(timeoutMillis, TimeUnit.MILLISECONDS);
      }
      woken = false;
      Message next = outbox.take(down);
      List<Outbox.Dropped> superseded = outbox.takeDrops();
      drops.addAll(superseded);
      if (next != null || !superseded.isEmpty()) {
        version++; // an idle wait changes nothing: the state file is not saved again for it
      }
      return next;
    } finally {
      lock.unlock();
    }
  }

  /** The message taken is delivered or refused. */
  void settle() {
    lock.lock();
    try {
      outbox.settle();
      version++;
    } finally {
      lock.unlock();
    }
  }

  /** The message taken was not delivered: it goes back first. */
  void putBack() {
    lock.lock();
    try {
      outbox.putBack();
    } finally {
      lock.unlock();
    }
  }

  /** Empties the box, for a shutdown without a state file: what was left, in order. */
  List<Message> clear() {
    lock.lock();
    try {
      outbox.putBack();
      List<Message> left = outbox.undelivered();
      while (outbox.take(false) != null) {
        outbox.settle();
      }
      version++;
      return left;
    } finally {
      lock.unlock();
    }
  }

  List<Message> undelivered() {
    lock.lock();
    try {
      return outbox.undelivered();
    } finally {
      lock.unlock();
    }
  }

  /** Moves at every change of what is undelivered. */
  long version() {
    return version;
  }

  int size() {
    lock.lock();
    try {
      return outbox.size();
    } finally {
      lock.unlock();
    }
  }

  /** Ends a waiting {@link #take} early, e.g. to notice a stop request. */
  void wakeUp() {
    lock.lock();
    try {
      woken = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
