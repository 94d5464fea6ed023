package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.OpenEpisode;
import dev.bluegreen.watcher.page.History;
import dev.bluegreen.watcher.page.Timeline;
import java.util.List;

/**
 * What the status page shows: the {@link WatcherStatus} and what only the page draws, one immutable
 * snapshot published by the reading thread with the status, read by any thread.
 *
 * @param status what /healthz shows
 * @param servingRelease the release of the pool serving now, or {@code null}
 * @param windowSize WINDOW_SIZE: the strip's most cells
 * @param strip the window's requests oldest first, one {@link
 *     dev.bluegreen.watcher.detect.RequestStrip.Cell#code()} each
 * @param episodes the episodes open now
 * @param history error rate and p99 of the last 15 minutes, oldest first
 * @param timeline the last messages, newest first, with their delivery at each sink
 */
public record LiveView(
    WatcherStatus status,
    String servingRelease,
    int windowSize,
    String strip,
    List<OpenEpisode> episodes,
    List<History.Point> history,
    List<Timeline.Entry> timeline) {

  /** A view of {@code status} alone, where nothing else is kept. */
  public static LiveView of(WatcherStatus status) {
    return new LiveView(status, null, 0, "", List.of(), List.of(), List.of());
  }
}
