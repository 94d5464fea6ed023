package dev.bluegreen.watcher.notify;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One sink's counts, moved by its sender (and by publishers, for drops), read by any thread. */
final class SinkCounts {
  private final String sink;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);
  private volatile Instant failingSince;

  SinkCounts(String sink) {
    this.sink = sink;
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason, new AtomicLong());
    }
  }

  void delivered() {
    delivered.incrementAndGet();
    failingSince = null;
  }

  /** A failed attempt at {@code now}; returns when the run of failures began. */
  Instant failed(Instant now) {
    failedAttempts.incrementAndGet();
    if (failingSince == null) {
      failingSince = now;
    }
    return failingSince;
  }

  /** A permanent answer: a failed attempt, though the sink is not down. */
  void refused() {
    failedAttempts.incrementAndGet();
    dropped(DropReason.REFUSED);
  }

  void dropped(DropReason reason) {
    dropped.get(reason).incrementAndGet();
  }

  Instant failingSince() {
    return failingSince;
  }

  SinkStats stats(long queued) {
    Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    dropped.forEach((reason, count) -> drops.put(reason, count.get()));
    return new SinkStats(sink, queued, delivered.get(), failedAttempts.get(), drops, failingSince);
  }
}
