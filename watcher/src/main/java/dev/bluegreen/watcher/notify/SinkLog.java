package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.logging.LogOnce;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One sink's log lines ({@code slack: rejected the failover alert: ...}), each at the level its
 * caller chose, all on the {@link AlertDelivery} logger, and every one passed through the redactor
 * of all configured secrets first. A failure that repeats (the same reason, retry after retry) is
 * written once until it changes or delivery works again.
 */
final class SinkLog {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

  private final String sink;
  private final UnaryOperator<String> redact;
  private final LogOnce troubles = new LogOnce(LOG);

  SinkLog(String sink, UnaryOperator<String> redact) {
    this.sink = sink;
    this.redact = redact;
  }

  void info(String line) {
    LOG.info(text(line));
  }

  void warn(String line) {
    LOG.warn(text(line));
  }

  /** A watcher bug, not a sink's answer. */
  void error(String line) {
    LOG.error(text(line));
  }

  /**
   * A warning written only when {@code reason} differs from the last trouble's: called on the
   * sender thread only.
   */
  void trouble(String reason, String line) {
    troubles.log(Level.WARN, reason, text(line));
  }

  /** Delivery works again: says so once if a trouble was written, and lets the next one be. */
  void troubleOver(String line) {
    if (troubles.active()) {
      info(line);
      troubles.clear();
    }
  }

  private String text(String line) {
    return redact.apply(sink + ": " + line);
  }
}
