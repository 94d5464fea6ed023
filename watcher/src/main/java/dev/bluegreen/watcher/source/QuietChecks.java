package dev.bluegreen.watcher.source;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long the follower waits on a quiet log, and whether it looks at the file after the wait.
 *
 * <p>Where change notifications can be trusted ({@link ChangeSignal#trusted()}) a write wakes the
 * follower at once, so the wait lasts until the next safety look, one every {@link #SAFETY_POLLS}
 * polls: a look for a change that no notification announced. Time-based decisions shorten it (the
 * sink's, {@link LineSink#nextPollWithinMillis}; a rotation's). Where notifications cannot be
 * trusted, or a rotation waits on the old file's quiet time, each wait lasts one poll and ends in a
 * look. A look is a {@code stat}, an {@code fstat} and two reads; an idle log costs one wake-up per
 * safety look instead of one per poll (issue 15: idle CPU). Pure, time passed in: the follower's
 * thread acts on it.
 */
final class QuietChecks {
  /** Polls between two safety looks at a quiet log: 10 s at the 1 s poll. */
  static final int SAFETY_POLLS = 10;

  private final long pollNanos;
  private final long safetyNanos;
  private long lastLook;

  /**
   * @param poll the follower's poll delay
   * @param now {@code nanoTime} at start, taken as a look
   */
  QuietChecks(Duration poll, long now) {
    this.pollNanos = poll.toNanos();
    this.safetyNanos = pollNanos * SAFETY_POLLS;
    this.lastLook = now;
  }

  /**
   * The longest the next wait of a quiet log may last, as of {@code now}: until the next safety
   * look where notifications are {@code trusted} and no rotation is pending, else one poll.
   */
  Duration waitFor(boolean trusted, boolean rotationPending, long now) {
    if (!trusted || rotationPending) {
      return Duration.ofNanos(pollNanos);
    }
    long left = Math.max(0, lastLook + safetyNanos - now);
    return Duration.ofMillis(TimeUnit.NANOSECONDS.toMillis(left + 999_999)); // waits are in millis
  }

  /**
   * After a wait of the follower, at {@code now}: whether to look at the file. Always when
   * something woke it (a change in the log's directory, a control), when notifications cannot be
   * trusted, or when a rotation is pending; otherwise when the safety look is due. A wait ends at
   * its time limit, which can be a little early (a monitor's timed wait): a look due within a tenth
   * of a poll is taken now rather than after a wait of its own.
   *
   * @param woken the wait ended for a change or a caller, not at its time limit
   * @param trusted a change in the log's directory would have ended the wait
   * @param rotationPending the path names a new file and the old one is not left yet
   */
  boolean lookAfterWait(boolean woken, boolean trusted, boolean rotationPending, long now) {
    return woken || !trusted || rotationPending || now - lastLook >= safetyNanos - pollNanos / 10;
  }

  /** The file was looked at, at {@code now}: after a wait, or a busy log's read. */
  void looked(long now) {
    lastLook = now;
  }
}
