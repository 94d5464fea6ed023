package dev.bluegreen.watcher.source;

import java.io.IOException;

/**
 * Where the follower starts in a file it just opened: at first, at the end, the start, or where the
 * last run stopped; after an error, where reading stopped; after a rotation, or once a missing log
 * appeared, at its start. Also how many lines lie before that offset: known from a saved position
 * when it still applies, else counted. The follower's thread only.
 */
final class StartPoint {
  private static final long UNKNOWN = Long.MIN_VALUE;

  private final LogFollower.Start start;
  private final LogPosition resume;
  private final Rotations rotations;
  private long startLine = UNKNOWN; // lines before the offset if a position tells

  /**
   * @param resume where a previous run stopped, or {@code null} to begin at {@code start}
   */
  StartPoint(LogFollower.Start start, LogPosition resume, Rotations rotations) {
    this.start = start;
    this.resume = resume;
    this.rotations = rotations;
  }

  /**
   * The offset to read {@code file} from.
   *
   * @param first the first file opened since the watcher started
   * @param waitedForIt the log was missing and appeared: read it all
   * @param failed following the previous file failed: go on where reading stopped
   * @param lastPosition where reading stopped in the last file closed, or {@code null}
   */
  long offset(
      OpenLogFile file,
      boolean first,
      boolean waitedForIt,
      boolean failed,
      LogPosition lastPosition)
      throws IOException {
    startLine = UNKNOWN;
    if (first && !waitedForIt) {
      if (resume == null) {
        return start == LogFollower.Start.BEGINNING ? 0 : file.lastLineEnd();
      }
      return resumeAt(file, resume, "while the watcher was stopped");
    }
    if (failed && !rotations.leftOldFile() && lastPosition != null) {
      return resumeAt(file, lastPosition, "while following it failed");
    }
    return 0;
  }

  /** The lines before {@code offset}, the last {@link #offset}'s answer for {@code file}. */
  long linesBefore(OpenLogFile file, long offset) throws IOException {
    return startLine != UNKNOWN ? startLine : file.linesBefore(offset);
  }

  /** As {@link Rotations#resumeAt}, noting the lines before the offset when {@code at} knows. */
  private long resumeAt(OpenLogFile file, LogPosition at, String when) throws IOException {
    long offset = rotations.resumeAt(file, at, when);
    if (offset == at.offset() && (at.lineKnown() || at.line() == LogPosition.CONTINUES)) {
      startLine = at.line();
    }
    return offset;
  }
}
