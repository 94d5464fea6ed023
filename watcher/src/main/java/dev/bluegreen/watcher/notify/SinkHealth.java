package dev.bluegreen.watcher.notify;

/**
 * One sink's delivery, as health sees it.
 *
 * @param sink the sink's {@link Notifier#name()}
 * @param failingSinceMillis wall-clock epoch millis of the first failed attempt since the last
 *     delivery, or 0 while deliveries succeed
 * @param dropped messages for this sink lost since start (queue full, refused, or at shutdown)
 */
public record SinkHealth(String sink, long failingSinceMillis, long dropped) {

  /**
   * Health's view of a sink's delivery counts: superseded messages are not lost (a newer message
   * says more), so only queue_full, refused and shutdown drops count.
   */
  public static SinkHealth of(SinkStats stats) {
    return new SinkHealth(
        stats.sink(),
        stats.failingSince() == null ? 0 : stats.failingSince().toEpochMilli(),
        stats.lost());
  }
}
