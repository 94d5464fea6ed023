package dev.bluegreen.watcher.notify;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells of one sink's queue drops without flooding the log or writing on the publisher's thread: a
 * drop is noted where it happens, and the sender writes one line at the 1st, 10th, 100th and every
 * 1000th drop.
 */
final class DropReport {
  private final AtomicLong dropped = new AtomicLong();
  private volatile String last;
  private long nextReport = 1; // sender thread only

  /** Notes a drop; called by whoever published. */
  void dropped(Message message) {
    last = message.describe();
    dropped.incrementAndGet();
  }

  /** Writes the line if a reporting count was reached; called by the sender. */
  void report(SinkLog log) {
    long n = dropped.get();
    if (n >= nextReport) {
      log.warn(
          "queue full: dropped the oldest "
              + last
              + " ("
              + n
              + " dropped so far; first announcements are never dropped)");
      nextReport = nextReportAfter(n);
    }
  }

  /** The count at which the next line is written, after one at {@code n}: 10, 100, then 1000s. */
  static long nextReportAfter(long n) {
    return n < 10 ? 10 : n < 100 ? 100 : (n / 1000 + 1) * 1000;
  }
}
