package dev.bluegreen.watcher.source;

/**
 * What the follower does after each read: read on at once while a backlog is left (the read stopped
 * at the most one poll reads), read again after {@link LogFollower#BUSY_POLL} while the log is
 * being written to (the read took what there was), and only once it stayed quiet for {@link
 * #QUIET_READS_BEFORE_WAITING} reads wait for a change notification. At Nginx's pace of one write
 * per request, a notification per line costs more than polling (5.0 against 2.0 CPU-seconds per
 * million lines at 10,000 lines/s), and so does reading again at once the few lines written during
 * the last read: each read comes with a rotation check and a poll of the sink (issue 15: 381
 * rotation checks in 10 s at 10,000 lines/s instead of 1,207, and 4.3-4.4 CPU-seconds per million
 * lines instead of 4.5-4.8). Pure: the follower's thread acts on it.
 */
final class ReadPace {
  /** Quiet reads, each after a busy poll, before the follower waits for a notification. */
  static final int QUIET_READS_BEFORE_WAITING = 4;

  /** The next step after a read. */
  enum Next {
    /** The read gave lines and left more: read again now, notifications off. */
    READ_ON,
    /**
     * The read took all there was, or the log is quiet but lately busy: read after the busy poll.
     */
    POLL_SOON,
    /** The last quiet read before waiting: notifications on, then one more read after the poll. */
    WATCH_THEN_POLL_SOON,
    /** Quiet for long enough: wait for a change notification (or the safety poll). */
    AWAIT_CHANGE
  }

  private int quietReads;

  /**
   * @param gotLines the read handed on lines
   * @param moreLeft it stopped at the most one poll reads, before the end of the file
   */
  Next after(boolean gotLines, boolean moreLeft) {
    if (gotLines) {
      quietReads = 0;
      return moreLeft ? Next.READ_ON : Next.POLL_SOON;
    }
    quietReads++;
    if (quietReads < QUIET_READS_BEFORE_WAITING) {
      return Next.POLL_SOON;
    }
    return quietReads == QUIET_READS_BEFORE_WAITING ? Next.WATCH_THEN_POLL_SOON : Next.AWAIT_CHANGE;
  }
}
