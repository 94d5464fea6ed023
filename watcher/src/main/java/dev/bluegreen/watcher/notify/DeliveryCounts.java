package dev.bluegreen.watcher.notify;

import java.util.concurrent.atomic.AtomicLong;

/** The counts of all sinks together, updated by their senders and by publishers (drops). */
final class DeliveryCounts {
  final AtomicLong sent = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong retries = new AtomicLong();

  DeliveryStats stats(long queued) {
    return new DeliveryStats(sent.get(), failed.get(), dropped.get(), retries.get(), queued);
  }
}
