package dev.bluegreen.watcher.ops;

import java.util.concurrent.CompletableFuture;

/**
 * What the HTTP face may ask of the live watcher: its latest status, and the two live controls.
 * Each control completes once the watcher's reading thread applied it, with the status after it.
 */
public interface Controls {
  /** The latest snapshot; never blocks. */
  WatcherStatus status();

  /** Turns maintenance mode on or off. */
  CompletableFuture<WatcherStatus> maintenance(boolean on);

  /** A planned switch: {@code pool} becomes the pool expected to serve. */
  CompletableFuture<WatcherStatus> activePool(String pool);
}
