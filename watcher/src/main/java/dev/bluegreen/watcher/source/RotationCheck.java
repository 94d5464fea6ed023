package dev.bluegreen.watcher.source;

import java.util.concurrent.TimeUnit;

/**
 * The one rule for when the open file stops being the log to read, decided from facts alone (no
 * I/O, no clock, no thread) before a read that follows one that found nothing:
 *
 * <ol>
 *   <li>the open file shrank below what was read, or starts with another first line than it did:
 *       its content was replaced ({@code copytruncate}): {@link Verdict#TRUNCATED};
 *   <li>the path names the open file, or nothing (deleted and not recreated yet): {@link
 *       Verdict#KEEP_READING};
 *   <li>the path names a new file: the old one is kept and drained while the writer may still
 *       append to it (Nginx writes to the renamed file until USR1 makes it reopen), and left once
 *       it was read to its end and was quiet {@link #QUIET_WITH_NEW_LINES_NANOS} with the new file
 *       holding lines, or {@link #QUIET_ALONE_NANOS} in any case: {@link
 *       Verdict#SWITCH_TO_NEW_FILE}. A backlog still being read is never left behind.
 * </ol>
 */
final class RotationCheck {
  /** After a rotation, switch to the new file once the old one was quiet this long... */
  static final long QUIET_WITH_NEW_LINES_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** ...or this long when the new file has no line yet (Nginx may not have reopened). */
  static final long QUIET_ALONE_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** What the follower does before its next read. */
  enum Verdict {
    /** Go on reading the open file: it is the log, or a rotated one still being drained. */
    KEEP_READING,
    /** The content was replaced: take the unread rest from the copy, then read from byte 0. */
    TRUNCATED,
    /** Hand on the old file's last partial line, close it, and read the new file from its start. */
    SWITCH_TO_NEW_FILE
  }

  /**
   * What the follower knows before a read.
   *
   * @param size the open file's size now
   * @param readUpTo the offset up to which its lines were handed on
   * @param readToEnd the last read reached the end of what the file held (at most a partial line is
   *     left unread), rather than stopping at the most a poll reads
   * @param fingerprint the open file's first line as first seen ({@link FileIdentity}), or "" while
   *     it had none
   * @param fingerprintNow the first line it starts with now, or "" when it has none (not looked at
   *     while {@code fingerprint} is "")
   * @param openFileKey the open file's file key (device and inode), compared with {@code equals}
   * @param pathFileKey the file key of what the log's path names now, or {@code null} for nothing
   * @param quietNanos how long the open file has not grown
   * @param newFileHasLines whether what the path names now has any bytes (only looked at when it is
   *     another file)
   */
  record Facts(
      long size,
      long readUpTo,
      boolean readToEnd,
      String fingerprint,
      String fingerprintNow,
      Object openFileKey,
      Object pathFileKey,
      long quietNanos,
      boolean newFileHasLines) {}

  private RotationCheck() {}

  static Verdict decide(Facts facts) {
    if (facts.size() < facts.readUpTo()
        || (!facts.fingerprint().isEmpty()
            && !facts.fingerprint().equals(facts.fingerprintNow()))) {
      return Verdict.TRUNCATED;
    }
    if (facts.pathFileKey() == null
        || facts.pathFileKey().equals(facts.openFileKey())
        || !facts.readToEnd()) {
      return Verdict.KEEP_READING;
    }
    long quiet = facts.quietNanos();
    boolean quietEnough =
        quiet >= QUIET_ALONE_NANOS
            || (quiet >= QUIET_WITH_NEW_LINES_NANOS && facts.newFileHasLines());
    return quietEnough ? Verdict.SWITCH_TO_NEW_FILE : Verdict.KEEP_READING;
  }
}
