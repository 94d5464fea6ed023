package dev.bluegreen.watcher.notify;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue between the log-reading thread and one sender that never blocks the reader: when
 * full, the oldest message of the lowest {@link #dropRank} (notices, then failovers and error-rate
 * alerts; recoveries and resolutions last) makes room.
 */
final class DeliveryQueue {
  private final int capacity;
  private final ArrayDeque<Message> items = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();

  DeliveryQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds {@code message}; returns the message dropped to make room (maybe itself), or null. */
  Message offer(Message message) {
    lock.lock();
    try {
      Message dropped = null;
      if (items.size() >= capacity) {
        dropped = victim(message);
        if (dropped == message) {
          return message;
        }
        items.removeFirstOccurrence(dropped);
      }
      items.addLast(message);
      notEmpty.signal();
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Which messages a full queue gives up first (lowest first): notices, then failovers and
   * error-rate alerts, and last the recoveries and resolutions that close an incident.
   */
  static int dropRank(Message message) {
    if (message instanceof AlertMessage alert) {
      return alert.alert().kind().closesIncident() ? 2 : 1;
    }
    return 0;
  }

  /** The oldest queued message of the lowest rank, or the newcomer when it ranks lower still. */
  private Message victim(Message newcomer) {
    Message victim = null;
    for (Iterator<Message> it = items.iterator(); it.hasNext(); ) {
      Message queued = it.next();
      if (victim == null || dropRank(queued) < dropRank(victim)) {
        victim = queued;
      }
    }
    return victim == null || dropRank(newcomer) < dropRank(victim) ? newcomer : victim;
  }

  /** The next message, waiting up to {@code timeout}; {@code null} if none came or on a wake-up. */
  Message poll(long timeout, TimeUnit unit) throws InterruptedException {
    lock.lock();
    try {
      if (items.isEmpty()) {
        notEmpty.await(timeout, unit);
      }
      return items.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  /** The next message, or {@code null} at once when there is none. */
  Message pollNow() {
    lock.lock();
    try {
      return items.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Ends a waiting {@link #poll} early, e.g. to notice a stop request. */
  void wakeUp() {
    lock.lock();
    try {
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }
}
