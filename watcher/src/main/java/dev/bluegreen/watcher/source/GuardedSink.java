package dev.bluegreen.watcher.source;

import dev.bluegreen.watcher.logging.LogOnce;
import java.nio.file.Path;
import org.slf4j.event.Level;

/**
 * Every call from the follower into its sink, guarded: a sink that throws (a bug downstream) costs
 * what that one call carried (the lines of one read, one line, one count), is logged once, and
 * following goes on. The follower calls its sink only through one of these.
 */
final class GuardedSink implements LineSink {
  private final LineSink sink;
  private final Path path;
  private final LogOnce errors;

  /**
   * @param errors the reading thread's log-once, shared with the follower's own errors
   */
  GuardedSink(LineSink sink, Path path, LogOnce errors) {
    this.sink = sink;
    this.path = path;
    this.errors = errors;
  }

  @Override
  public void lines(byte[] bytes, int from, int to) {
    try {
      sink.lines(bytes, from, to);
    } catch (RuntimeException e) {
      failed("error handling lines of " + path + ": " + e + "; skipping them");
    }
  }

  @Override
  public void line(byte[] bytes, int offset, int length) {
    try {
      sink.line(bytes, offset, length);
    } catch (RuntimeException e) {
      failed("error handling a line of " + path + ": " + e + "; skipping it");
    }
  }

  @Override
  public void oversized() {
    try {
      sink.oversized();
    } catch (RuntimeException e) {
      failed("error counting an oversized line of " + path + ": " + e + "; skipping it");
    }
  }

  @Override
  public void startFile(String name) {
    startFile(name, 0);
  }

  @Override
  public void startFile(String name, long linesBefore) {
    try {
      sink.startFile(name, linesBefore);
    } catch (RuntimeException e) {
      failed("error starting to read " + name + ": " + e + "; reading it anyway");
    }
  }

  @Override
  public void poll(FollowerStatus status) {
    try {
      sink.poll(status);
    } catch (RuntimeException e) {
      failed("error in the watcher's periodic work: " + e);
    }
  }

  @Override
  public long nextPollWithinMillis() {
    try {
      return sink.nextPollWithinMillis();
    } catch (RuntimeException e) {
      failed("error in the watcher's periodic work: " + e);
      return Long.MAX_VALUE; // the follower's own pace
    }
  }

  private void failed(String message) {
    errors.log(Level.ERROR, message);
  }
}
