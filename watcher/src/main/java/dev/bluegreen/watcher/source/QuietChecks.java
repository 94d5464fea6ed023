package dev.bluegreen.watcher.source;

/**
 * Whether the follower looks at a quiet log after a wait: always when something woke it (a change
 * in the log's directory, a control), when change notifications cannot be trusted to come ({@link
 * ChangeSignal#trusted()}), or when a rotation waits on the old file's quiet time; otherwise only
 * at every {@link #EVERY_WAITS}th wait, a safety net for a change that no notification announced.
 * Each look is a {@code stat}, an {@code fstat} and two reads; on an idle log that runs in the
 * interpreter for minutes after start, it was half of the follower's CPU. Pure: the follower's
 * thread acts on it.
 */
final class QuietChecks {
  /** Waits that ended unannounced between two looks at the file: 5 s at the 1 s poll. */
  static final int EVERY_WAITS = 5;

  private int unannounced;

  /**
   * After a wait of the follower: whether to look at the file now.
   *
   * @param woken the wait ended for a change or a caller, not at its time limit
   * @param trusted a change in the log's directory would have ended the wait
   * @param rotationPending the path names a new file and the old one is not left yet
   */
  boolean lookAfterWait(boolean woken, boolean trusted, boolean rotationPending) {
    if (woken || !trusted || rotationPending || ++unannounced >= EVERY_WAITS) {
      unannounced = 0;
      return true;
    }
    return false;
  }

  /** The file was looked at for another reason (a busy log is read at every poll). */
  void looked() {
    unannounced = 0;
  }
}
