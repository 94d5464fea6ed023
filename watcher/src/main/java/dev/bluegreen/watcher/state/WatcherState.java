package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.source.LogPosition;

/**
 * What survives a restart: how far the log was read and what the detectors remember.
 *
 * @param version the file's format version
 * @param log the log file that was followed
 * @param position the file and offset after the last line handled
 * @param configuredPool ACTIVE_POOL when this was saved; if the setting changed since, it wins over
 *     the pool saved in {@code detectors}
 * @param configuredMaintenance MAINTENANCE_MODE when this was saved, likewise
 * @param detectors the detectors' state
 */
public record WatcherState(
    int version,
    String log,
    LogPosition position,
    String configuredPool,
    boolean configuredMaintenance,
    Detectors.State detectors) {

  public static final int VERSION = 1;
}
