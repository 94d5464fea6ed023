package dev.bluegreen.watcher.ops;

import java.util.Locale;

/**
 * What a control did: the status after it, and whether the channel was told now, later or not at
 * all.
 *
 * @param status the watcher's status once the control was applied
 * @param notice what became of the notice to the channel
 */
public record ControlResult(WatcherStatus status, Notice notice) {

  /** The notice a control sends: at most one per control per {@link #SPACING_SECONDS} s. */
  public enum Notice {
    /** The state changed and the channel was told. */
    SENT,
    /**
     * The state changed, but a notice of this control went out less than {@link #SPACING_SECONDS} s
     * ago: the channel hears the state in force when that time is up, if it differs from what it
     * last heard.
     */
    HELD,
    /** The state already was so: nothing changed, nothing said. */
    UNCHANGED;

    /** How JSON and ctl name it. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The least time between two notices of one control. */
  public static final int SPACING_SECONDS = 5;
}
