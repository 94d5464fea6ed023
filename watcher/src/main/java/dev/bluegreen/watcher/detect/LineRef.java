package dev.bluegreen.watcher.detect;

/** Where a line came from: the log file's name and its 1-based line number. */
public record LineRef(String file, long line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
