package dev.bluegreen.watcher;

import dev.bluegreen.watcher.ops.ControlResult.Notice;
import dev.bluegreen.watcher.time.Timing;

/**
 * The notices of the live controls, at most one per control per {@link NoticeSpacing#SPACING}: a
 * control asked for sooner still changes the state at once; its notice is held, and when the
 * spacing is up the channel hears the state then in force, if it differs from what it last heard.
 * So 2,000 toggles make two notices, not 2,000, and the channel never keeps a stale state. The
 * reading thread only.
 */
final class ControlNotices {
  private final Outlet outlet;
  private final Timing timing;
  private final NoticeSpacing maintenanceSpacing = new NoticeSpacing();
  private final NoticeSpacing switchSpacing = new NoticeSpacing();
  private boolean heardMaintenance;
  private String heardPrimary;

  /** {@code maintenance} and {@code primary}: what the channel is taken to know at start. */
  ControlNotices(Outlet outlet, Timing timing, boolean maintenance, String primary) {
    this.outlet = outlet;
    this.timing = timing;
    this.heardMaintenance = maintenance;
    this.heardPrimary = primary;
  }

  /** Maintenance was just turned {@code on}: tells the channel now, or holds the notice. */
  Notice maintenance(boolean on) {
    if (!maintenanceSpacing.changed(timing.nanoTime())) {
      return Notice.HELD;
    }
    announceMaintenance(on);
    return Notice.SENT;
  }

  /** The expected pool just became {@code primary}: tells the channel now, or holds the notice. */
  Notice plannedSwitch(String primary) {
    if (!switchSpacing.changed(timing.nanoTime())) {
      return Notice.HELD;
    }
    announceSwitch(primary);
    return Notice.SENT;
  }

  /** At a poll: the held notices now due, of the state in force. */
  void releaseDue(boolean maintenance, String primary) {
    long now = timing.nanoTime();
    if (maintenanceSpacing.heldDue(now) && maintenance != heardMaintenance) {
      announceMaintenance(maintenance);
    }
    if (switchSpacing.heldDue(now) && !primary.equals(heardPrimary)) {
      announceSwitch(primary);
    }
  }

  /** Whether a notice is held: {@link #releaseDue} sends it once its spacing is up. */
  boolean holding() {
    return maintenanceSpacing.holding() || switchSpacing.holding();
  }

  /** At shutdown: the held notices, due or not, so the channel does not keep a stale state. */
  void flush(boolean maintenance, String primary) {
    if (maintenanceSpacing.holding() && maintenance != heardMaintenance) {
      announceMaintenance(maintenance);
    }
    if (switchSpacing.holding() && !primary.equals(heardPrimary)) {
      announceSwitch(primary);
    }
  }

  private void announceMaintenance(boolean on) {
    heardMaintenance = on;
    outlet.maintenance(on, timing.now());
  }

  private void announceSwitch(String primary) {
    String from = heardPrimary;
    heardPrimary = primary;
    outlet.plannedSwitch(from, primary, timing.now());
  }

  /** For the control's log line: what became of its notice, when it is held; else empty. */
  static String held(Notice notice) {
    return notice != Notice.HELD
        ? ""
        : "; its notice is held (at most one per control per "
            + NoticeSpacing.SPACING.toSeconds()
            + " s): the channel hears the state in force then";
  }
}
