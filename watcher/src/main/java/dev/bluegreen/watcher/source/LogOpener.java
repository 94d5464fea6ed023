package dev.bluegreen.watcher.source;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the followed log, on the reading thread: says once that it is missing and once that it
 * appeared, and remembers whether it ever was missing (a log that appears is read from its start).
 */
final class LogOpener {
  // the follower's logger: what following the log says reads as one story, under one name
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  private final Path path;
  private boolean waiting;
  private boolean waitedForIt;
  private LogAccessException refused; // why the last open was refused, or null

  LogOpener(Path path) {
    this.path = path;
  }

  /**
   * Opens what the path names now, or returns {@code null} while nothing is there; throws {@link
   * LogAccessException} when it is there but cannot be followed.
   */
  OpenLogFile open() throws IOException {
    OpenLogFile file;
    try {
      file = OpenLogFile.open(path);
      refused = null;
    } catch (LogAccessException e) {
      refused = e;
      throw e;
    }
    if (file != null && waiting) {
      log.info("{} appeared; following it from its start", path);
      waiting = false;
    } else if (file == null && !waiting) {
      log.warn("{} does not exist (yet); waiting for it", path);
      waiting = true;
      waitedForIt = true;
    }
    return file;
  }

  /** Whether the log is missing now, as the last {@link #open()} found. */
  boolean waiting() {
    return waiting;
  }

  /** Whether the log can be read, as the last {@link #open()} found. */
  LogAccess access() {
    if (refused != null) {
      return refused.access();
    }
    return waiting ? LogAccess.MISSING : LogAccess.READABLE;
  }

  /** Why the last {@link #open()} was refused, or {@code null}. */
  String accessError() {
    return refused == null ? null : refused.getMessage();
  }

  /** Whether the log was ever found missing. */
  boolean waitedForIt() {
    return waitedForIt;
  }
}
