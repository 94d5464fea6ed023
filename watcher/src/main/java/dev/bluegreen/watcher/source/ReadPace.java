package dev.bluegreen.watcher.source;

/**
 * What the follower does after each read: read on at once while the log gives lines, read again
 * after {@link LogFollower#BUSY_POLL} while it was just written to, and only once it stayed quiet
 * for {@link #QUIET_READS_BEFORE_WAITING} reads wait for a change notification. At Nginx's pace of
 * one write per request, a notification per line costs more than polling (5.0 against 2.0
 * CPU-seconds per million lines at 10,000 lines/s). Pure: the follower's thread acts on it.
 */
final class ReadPace {
  /** Quiet reads, each after a busy poll, before the follower waits for a notification. */
  static final int QUIET_READS_BEFORE_WAITING = 4;

  /** The next step after a read. */
  enum Next {
    /** The read gave lines: read again now, notifications off. */
    READ_ON,
    /** Quiet, but lately busy: read again after the busy poll. */
    POLL_SOON,
    /** The last quiet read before waiting: notifications on, then one more read after the poll. */
    WATCH_THEN_POLL_SOON,
    /** Quiet for long enough: wait for a change notification (or the safety poll). */
    AWAIT_CHANGE
  }

  private int quietReads;

  Next after(boolean gotLines) {
    if (gotLines) {
      quietReads = 0;
      return Next.READ_ON;
    }
    quietReads++;
    if (quietReads < QUIET_READS_BEFORE_WAITING) {
      return Next.POLL_SOON;
    }
    return quietReads == QUIET_READS_BEFORE_WAITING ? Next.WATCH_THEN_POLL_SOON : Next.AWAIT_CHANGE;
  }
}
