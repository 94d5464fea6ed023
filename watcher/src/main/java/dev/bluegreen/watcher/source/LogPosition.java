package dev.bluegreen.watcher.source;

/**
 * How far the watcher has read: which file, the byte offset just after the last complete line it
 * handled, and how many lines end before that offset. Saved in the state file.
 *
 * @param line lines before {@code offset}: the number of the last line handled, so the next one is
 *     {@code line + 1}; 0 with an offset above 0 means unknown (a state file of a previous version,
 *     or a position the follower took itself) and is counted from the file when needed; {@link
 *     #CONTINUES} in a position the follower took itself: the lines read so far tell
 */
public record LogPosition(FileIdentity identity, long offset, long line) {

  /** The line is the one the reader counted up to this position, in the file it was reading. */
  public static final long CONTINUES = LineSink.CONTINUES;

  /** A position whose line is not known. */
  public LogPosition(FileIdentity identity, long offset) {
    this(identity, offset, 0);
  }

  /** Whether {@link #line()} is known. */
  public boolean lineKnown() {
    return line > 0 || (line == 0 && offset == 0);
  }

  /** This position, with {@code line} lines before it. */
  public LogPosition atLine(long line) {
    return new LogPosition(identity, offset, line);
  }
}
