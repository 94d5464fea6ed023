package dev.bluegreen.watcher.logging;

import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A repeated failure logged once until it changes: the same text twice in a row is written once,
 * and {@link #clear()} (the trouble is over) lets the next failure be written again. Each caller
 * chooses the level where it writes the line. Not thread safe: one per thread that reports.
 */
public final class LogOnce {
  private final Logger logger;
  private String last;

  public LogOnce(Logger logger) {
    this.logger = logger;
  }

  /** Writes {@code message} at {@code level} unless it is the same as the last one written. */
  public boolean log(Level level, String message) {
    return log(level, message, message);
  }

  /**
   * Writes {@code message} at {@code level} unless {@code failure} is the same as the last one
   * written: for a message that also holds what changes from one repeat to the next (an attempt
   * count, a delay) while the failure itself (e.g. {@code 503}) stays the same.
   */
  public boolean log(Level level, String failure, String message) {
    if (failure.equals(last)) {
      return false;
    }
    last = failure;
    logger.atLevel(level).log(message);
    return true;
  }

  /** The trouble is over: the next message is written even if it repeats the last one. */
  public void clear() {
    last = null;
  }

  /** Whether a failure was logged and not cleared since. */
  public boolean active() {
    return last != null;
  }
}
