package dev.bluegreen.watcher.detect;

/**
 * What every detector's announcements share: the cooldown, which spaces reminders of one open
 * episode (0: no reminders), and maintenance mode, which holds every announcement until it is off.
 * A new episode and every change of state are announced at once, whatever the cooldown. Not thread
 * safe: the reading thread owns it, controls reach it through that thread.
 */
public final class AlertGate {
  private final long cooldownMillis;
  private boolean maintenance;

  public AlertGate(long cooldownMillis, boolean maintenance) {
    this.cooldownMillis = cooldownMillis;
    this.maintenance = maintenance;
  }

  /** Whether anything may be announced now: everything waits while maintenance is on. */
  public boolean mayAnnounce() {
    return !maintenance;
  }

  /** The time between two reminders of one open episode; 0 means no reminders. */
  public long cooldownMillis() {
    return cooldownMillis;
  }

  public boolean maintenance() {
    return maintenance;
  }

  public void maintenance(boolean on) {
    maintenance = on;
  }

  /**
   * Whether maintenance is on. A state file of the previous version also holds {@code
   * lastAnnounced} (per kind); it is ignored on load, the episodes say what is open.
   */
  public record State(boolean maintenance) {}

  public State state() {
    return new State(maintenance);
  }

  public void restore(State state) {
    maintenance = state != null && state.maintenance();
  }
}
