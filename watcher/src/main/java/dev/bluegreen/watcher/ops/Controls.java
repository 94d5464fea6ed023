package dev.bluegreen.watcher.ops;

import java.time.Duration;

/**
 * What the HTTP face may ask of the live watcher: its latest status, and the two live controls.
 * Each control is applied on the watcher's reading thread; the asker waits for it or withdraws it
 * ({@link PendingControl}).
 */
public interface Controls {
  /**
   * How long a control waits for the reading thread to start it (then as long again for it to
   * finish); the reading thread polls every 25 ms, so this is only reached when it is stuck. {@code
   * watcher ctl} waits longer than both, so the watcher's own answer (503) arrives before the
   * client gives up. (Here, not in AdminServer: a constant there would make {@code watcher ctl}
   * initialize the server, its logger and Jackson, which doubled every command's start-up.)
   */
  Duration TIMEOUT = Duration.ofSeconds(5);

  /** The latest snapshot; never blocks. */
  WatcherStatus status();

  /** The latest snapshot with what the status page draws; never blocks. */
  default LiveView view() {
    return LiveView.of(status());
  }

  /**
   * Calls {@code published} after each new snapshot, on the reading thread: it must not block (the
   * status page's stream hands it on without waiting). One listener; a second replaces the first.
   */
  default void onPublish(Runnable published) {}

  /** Turns maintenance mode on or off. */
  PendingControl<ControlResult> maintenance(boolean on);

  /** A planned switch: {@code pool} becomes the pool expected to serve. */
  PendingControl<ControlResult> activePool(String pool);
}
