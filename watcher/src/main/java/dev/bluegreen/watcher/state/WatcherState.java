package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.notify.SavedMessage;
import dev.bluegreen.watcher.source.LogPosition;
import java.util.List;
import java.util.Map;

/**
 * What survives a restart: how far the log was read, what the detectors remember, and the messages
 * each sink has not delivered yet (the outbox), all saved together.
 *
 * @param version the file's format version
 * @param log the log file that was followed
 * @param position the file and offset after the last line handled
 * @param configuredPool ACTIVE_POOL when this was saved; if the setting changed since, it wins over
 *     the pool saved in {@code detectors}
 * @param configuredMaintenance MAINTENANCE_MODE when this was saved, likewise
 * @param detectors the detectors' state
 * @param outbox by sink name, what it had not delivered, oldest first; {@code null} in a file of a
 *     version before the outbox (nothing to send)
 */
public record WatcherState(
    int version,
    String log,
    LogPosition position,
    String configuredPool,
    boolean configuredMaintenance,
    Detectors.State detectors,
    Map<String, List<SavedMessage>> outbox) {

  public static final int VERSION = 1;

  /** The undelivered messages, by sink name: none when the file had no outbox. */
  public Map<String, List<SavedMessage>> undelivered() {
    return outbox == null ? Map.of() : outbox;
  }
}
