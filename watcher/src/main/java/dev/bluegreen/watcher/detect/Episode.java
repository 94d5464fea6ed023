package dev.bluegreen.watcher.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The episodes of one alert condition (traffic off the primary, or the error rate above the
 * threshold): whether one is open, when it was last announced (for reminders spaced by the
 * cooldown) and when recent ones opened (for flapping). Pure: time is passed in.
 */
public final class Episode {
  private static final long NEVER = Long.MIN_VALUE;

  private boolean open;
  private long lastAnnounced = NEVER;
  private final List<Long> openings = new ArrayList<>();

  boolean isOpen() {
    return open;
  }

  /**
   * A new episode opens at {@code now}; returns how many episodes opened within the last {@code
   * cooldownMillis}, this one included (1 when the cooldown is 0).
   */
  int open(long now, long cooldownMillis) {
    open = true;
    lastAnnounced = now;
    openings.removeIf(at -> cooldownMillis <= 0 || now - at >= cooldownMillis);
    openings.add(now);
    return openings.size();
  }

  /** How many episodes opened within the cooldown before the last opening, that one included. */
  int recentOpenings() {
    return openings.size();
  }

  /** When the oldest of the recent openings happened (meaningful once {@link #open} was called). */
  long firstRecentOpening() {
    return openings.isEmpty() ? NEVER : openings.get(0);
  }

  /** Whether the open episode is due a reminder: a cooldown of 0 means never. */
  boolean reminderDue(long now, long cooldownMillis) {
    return open
        && cooldownMillis > 0
        && (lastAnnounced == NEVER || now - lastAnnounced >= cooldownMillis);
  }

  /** Something about the open episode was told to people at {@code now}. */
  void announced(long now) {
    lastAnnounced = now;
  }

  void close() {
    open = false;
  }

  /**
   * What the state file keeps of one condition's episodes.
   *
   * @param open whether an episode is open
   * @param lastAnnounced when the open episode was last announced ({@link Long#MIN_VALUE}: never)
   * @param openings when the episodes of the last cooldown opened, oldest first
   */
  public record State(boolean open, long lastAnnounced, List<Long> openings) {}

  State state() {
    return new State(open, lastAnnounced, List.copyOf(openings));
  }

  void restore(State state) {
    openings.clear();
    if (state == null) {
      open = false;
      lastAnnounced = NEVER;
      return;
    }
    open = state.open();
    lastAnnounced = state.lastAnnounced();
    if (state.openings() != null) {
      openings.addAll(state.openings());
    }
  }
}
