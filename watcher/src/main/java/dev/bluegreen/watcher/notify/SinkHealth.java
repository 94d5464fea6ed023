package dev.bluegreen.watcher.notify;

/**
 * One sink's delivery, as health sees it.
 *
 * @param sink the sink's {@link Notifier#name()}
 * @param failingSinceMillis wall-clock epoch millis of the first failed attempt since the last
 *     delivery, or 0 while deliveries succeed
 * @param dropped messages for this sink dropped since start (queue full, or left at shutdown)
 */
public record SinkHealth(String sink, long failingSinceMillis, long dropped) {}
