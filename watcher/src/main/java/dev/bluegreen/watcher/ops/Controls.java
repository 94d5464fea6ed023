package dev.bluegreen.watcher.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the HTTP face may ask of the live watcher: its latest status, and the two live controls.
 * Each control completes once the watcher's reading thread applied it, with the status after it.
 */
public interface Controls {
  /**
   * How long a control waits for the reading thread to apply it; the reading thread polls every 25
   * ms, so this is only reached when it is stuck. {@code watcher ctl} waits a little longer, so the
   * watcher's own answer (503) arrives before the client gives up. (Here, not in AdminServer: a
   * constant there would make {@code watcher ctl} initialize the server, its logger and Jackson,
   * which doubled every command's start-up.)
   */
  Duration TIMEOUT = Duration.ofSeconds(5);

  /** The latest snapshot; never blocks. */
  WatcherStatus status();

  /** Turns maintenance mode on or off. */
  CompletableFuture<WatcherStatus> maintenance(boolean on);

  /** A planned switch: {@code pool} becomes the pool expected to serve. */
  CompletableFuture<WatcherStatus> activePool(String pool);
}
