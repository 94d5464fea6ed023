package dev.bluegreen.watcher;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.notify.SavedMessage;
import dev.bluegreen.watcher.parse.LogFormat;
import dev.bluegreen.watcher.source.LogPosition;
import dev.bluegreen.watcher.state.Resume;
import dev.bluegreen.watcher.state.StateStore;
import dev.bluegreen.watcher.state.WatcherState;
import dev.bluegreen.watcher.time.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live watcher's start: the detectors and the outbox as the state file left them, and the
 * warnings about what it will not see.
 */
final class StartUp {
  private static final Logger log = LoggerFactory.getLogger(LiveWatcher.class);

  private StartUp() {}

  /**
   * Loads the state file, if any, into {@code detectors} and {@code outlet}, and returns where to
   * resume reading {@code logPath}, or {@code null} to start afresh.
   */
  static LogPosition restore(
      StateStore store,
      Path logPath,
      WatcherConfig config,
      Detectors detectors,
      Outlet outlet,
      Timing timing) {
    Optional<WatcherState> saved = store == null ? Optional.empty() : store.load();
    if (saved.isEmpty()) {
      return null;
    }
    LogPosition resume =
        Resume.apply(
            saved.get(),
            logPath,
            config.activePool(),
            config.maintenance(),
            detectors,
            timing.millis());
    List<String> unknown = new ArrayList<>();
    outlet.restore(SavedMessage.load(saved.get().undelivered(), unknown));
    if (!unknown.isEmpty()) {
      log.warn("undelivered messages of kinds this version does not know are dropped: {}", unknown);
    }
    log.info(
        "restored state from {}: primary {}, announced {}, maintenance {}",
        store.file(),
        detectors.primary(),
        detectors.announcedPool(),
        detectors.maintenance() ? "on" : "off");
    return resume;
  }

  /** Warns once of what the settings leave unwatched: maintenance on, no pool or request time. */
  static void warn(WatcherConfig config, Detectors detectors) {
    if (detectors.maintenance()) {
      log.warn("maintenance mode is on: alerts are suppressed");
    }
    if (!config.logFormat().hasPool()) {
      log.warn(LogFormat.WITHOUT_POOL);
    }
    if (!config.logFormat().hasRequestTime()) {
      log.warn(LogFormat.WITHOUT_REQUEST_TIME);
    }
  }
}
