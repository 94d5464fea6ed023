package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.detect.PoolName;
import dev.bluegreen.watcher.source.LogPosition;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a restarted watcher takes up: the detectors get their saved state back, reconciled with the
 * settings, which win when they changed since the save (a new ACTIVE_POOL is a planned switch, a
 * new MAINTENANCE_MODE applies), and reading resumes at the saved position if it is the same log.
 */
public final class Resume {
  private static final Logger log = LoggerFactory.getLogger(Resume.class);

  private Resume() {}

  /**
   * Restores {@code saved} into {@code detectors}; returns where to resume reading {@code logPath},
   * or {@code null} to start as configured (another log was followed before, or the file names an
   * expected pool that breaks {@link PoolName}'s rule: an edited file is no way around it).
   *
   * @param now wall-clock epoch millis, for a planned switch
   */
  public static LogPosition apply(
      WatcherState saved,
      Path logPath,
      String activePool,
      boolean maintenance,
      Detectors detectors,
      long now) {
    String primary = saved.detectors().poolFlips().primary();
    String previous = saved.detectors().poolFlips().previousPrimary();
    if (!PoolName.isValid(primary) || (previous != null && !PoolName.isValid(previous))) {
      log.warn("the state file names an expected pool that is no pool name: starting fresh");
      return null;
    }
    detectors.restore(saved.detectors());
    if (!activePool.equals(saved.configuredPool()) && !activePool.equals(detectors.primary())) {
      log.info("ACTIVE_POOL changed to {} since the last run; expecting it to serve", activePool);
      detectors.plannedSwitch(activePool, now);
    }
    if (maintenance != saved.configuredMaintenance()) {
      detectors.maintenance(maintenance);
    }
    return logPath.toString().equals(saved.log()) ? saved.position() : null;
  }
}
