package dev.bluegreen.watcher.detect;

import dev.bluegreen.watcher.parse.AccessEvent;

/** Access events as the parser would produce them, for driving detectors directly. */
final class Events {
  private Events() {}

  static AccessEvent served(String pool) {
    return new AccessEvent(0, 200, pool, "v1-" + pool, null, 1, 0, 4);
  }

  /** Nginx answered itself (no upstream), e.g. a 404 for a static path or a 500 of its own. */
  static AccessEvent noPool(int status) {
    return new AccessEvent(0, status, null, null, null, 0, 0, 0);
  }

  /** The client got a 5xx. */
  static AccessEvent clientError(String pool) {
    return new AccessEvent(0, 502, pool, "v1-" + pool, null, 1, 1, 4);
  }

  /** The first attempt failed with a 5xx; Nginx retried on {@code pool}, which answered 200. */
  static AccessEvent hiddenError(String pool) {
    return new AccessEvent(0, 200, pool, "v1-" + pool, null, 2, 1, 504);
  }
}
