package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.health.Health;
import java.util.List;

/**
 * A live watcher's status for tests of what reads it (the HTTP face, the page's stream): following
 * {@code access.log} with primary blue, healthy, no sink, no probe, no latency yet.
 */
final class TestStatus {
  private TestStatus() {}

  /** 10 lines read, blue serving and announced, no alert. */
  static WatcherStatus healthy() {
    return of(10, "blue", "blue", new long[AlertKind.values().length]);
  }

  /**
   * @param alertsByKind alerts decided, indexed by {@link AlertKind#ordinal()}
   */
  static WatcherStatus of(
      long lines, String servingPool, String announcedPool, long[] alertsByKind) {
    return new WatcherStatus(
        "access.log",
        true,
        false,
        lines,
        0,
        alertsByKind,
        0,
        0,
        0,
        "blue",
        servingPool,
        announcedPool,
        false,
        0,
        0.02,
        Double.NaN,
        Double.NaN,
        1.0,
        List.of(),
        Health.OK,
        List.of());
  }
}
