package dev.bluegreen.watcher;

import java.time.Duration;

/**
 * Spaces the notices of one control: at most one per {@link #SPACING}. A change sooner than that is
 * held; when the spacing is up, the held notice is due. Pure: time is passed in (monotonic nanos).
 */
final class NoticeSpacing {
  /** The least time between two notices of one control. */
  static final Duration SPACING = Duration.ofSeconds(5);

  private long lastSent;
  private boolean sentOnce;
  private boolean held;

  /** A change was applied at {@code now}: true when its notice may go now, false when held. */
  boolean changed(long now) {
    if (sentOnce && now - lastSent < SPACING.toNanos()) {
      held = true;
      return false;
    }
    sent(now);
    return true;
  }

  /**
   * At a poll: true when a held notice is due; the caller then announces the state in force (or
   * nothing, if the channel already heard it), and that counts as this control's notice.
   */
  boolean heldDue(long now) {
    if (!held || now - lastSent < SPACING.toNanos()) {
      return false;
    }
    sent(now);
    return true;
  }

  /** Whether a notice is held, due or not. */
  boolean holding() {
    return held;
  }

  private void sent(long now) {
    lastSent = now;
    sentOnce = true;
    held = false;
  }
}
