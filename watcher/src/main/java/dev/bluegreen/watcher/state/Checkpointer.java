package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.logging.LogOnce;
import dev.bluegreen.watcher.notify.SavedMessage;
import dev.bluegreen.watcher.source.LogPosition;
import dev.bluegreen.watcher.time.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Saves how far the log was read with what the detectors remember and the sinks' undelivered
 * messages (the outbox), through the {@link StateStore}: at once when asked ({@link #save}: alerts,
 * controls, shutdown), and otherwise at most once per {@link #EVERY_MILLIS} while lines flow or the
 * outbox changes ({@link #saveIfDue}). A failed save is logged once until it changes; the next save
 * tries again. Without a state file it does nothing.
 */
public final class Checkpointer {
  private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

  /** How often the position is saved while lines flow: a crash re-reads at most a second. */
  public static final long EVERY_MILLIS = 1_000;

  private static final long EVERY_NANOS = EVERY_MILLIS * 1_000_000;

  private final StateStore store;
  private final String logPath;
  private final String configuredPool;
  private final boolean configuredMaintenance;
  private final Timing timing;
  private final Supplier<Map<String, List<SavedMessage>>> outbox;
  private final LogOnce failures = new LogOnce(log);
  private boolean periodicSaveDone;
  private long lastSave; // of timing.nanoTime(), once periodicSaveDone
  private long linesAtLastSave;
  private volatile String lastError; // why the last save failed, null if it succeeded

  /**
   * @param store where the state goes, or {@code null} for no state file
   * @param logPath the followed log, recorded so a restart on another log starts fresh
   * @param configuredPool ACTIVE_POOL as configured for this run
   * @param configuredMaintenance MAINTENANCE_MODE as configured for this run
   */
  public Checkpointer(
      StateStore store,
      Path logPath,
      String configuredPool,
      boolean configuredMaintenance,
      Timing timing) {
    this(store, logPath, configuredPool, configuredMaintenance, timing, Map::of);
  }

  /**
   * As above, saving with each state what {@code outbox} says each sink has not delivered (called
   * on the saving thread).
   */
  public Checkpointer(
      StateStore store,
      Path logPath,
      String configuredPool,
      boolean configuredMaintenance,
      Timing timing,
      Supplier<Map<String, List<SavedMessage>>> outbox) {
    this.outbox = outbox;
    this.store = store;
    this.logPath = logPath.toString();
    this.configuredPool = configuredPool;
    this.configuredMaintenance = configuredMaintenance;
    this.timing = timing;
  }

  /** Saves now; {@code false} when there is a state file and it could not be written. */
  public boolean save(LogPosition position, Detectors.State detectors) {
    if (store == null) {
      return true;
    }
    try {
      store.save(
          new WatcherState(
              WatcherState.VERSION,
              logPath,
              position,
              configuredPool,
              configuredMaintenance,
              detectors,
              outbox.get()));
      failures.clear();
      lastError = null;
      return true;
    } catch (IOException e) {
      lastError = "cannot write the state file " + store.file() + ": " + e;
      failures.log(Level.ERROR, lastError);
      return false;
    }
  }

  /** Why the last save failed, or {@code null} if it succeeded (or none was tried yet). */
  public String lastError() {
    return lastError;
  }

  /**
   * Whether {@link #saveIfDue} has progress to save: {@code lines} (as it counts them) moved since
   * the last periodic save, or none was made yet. Never without a state file.
   */
  public boolean behind(long lines) {
    return store != null && (!periodicSaveDone || lines != linesAtLastSave);
  }

  /**
   * Saves if {@link #EVERY_MILLIS} passed since the last periodic save and {@code lines} moved
   * since (it counts every line read so far, plus every change of the outbox).
   */
  public void saveIfDue(LogPosition position, long lines, Supplier<Detectors.State> detectors) {
    long now = timing.nanoTime();
    if (periodicSaveDone && now - lastSave < EVERY_NANOS) {
      return;
    }
    if (!periodicSaveDone || lines != linesAtLastSave) {
      save(position, detectors.get());
      linesAtLastSave = lines;
    }
    periodicSaveDone = true;
    lastSave = now;
  }
}
