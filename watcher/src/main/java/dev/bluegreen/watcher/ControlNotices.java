package dev.bluegreen.watcher;

import java.time.Duration;

/**
 * Spaces the notices of one control (maintenance, or planned switches): at most one per {@link
 * #SPACING}. A control asked for sooner still changes the state; its notice is held, and when the
 * spacing is up the channel hears the state then in force, if it differs from what it last heard.
 * So 2,000 toggles make two notices, not 2,000, and the channel never keeps a stale state. Pure:
 * time is passed in (monotonic nanos).
 */
final class ControlNotices {
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

  private void sent(long now) {
    lastSent = now;
    sentOnce = true;
    held = false;
  }
}
