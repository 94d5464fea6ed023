package dev.bluegreen.watcher.notify;

/** What an informational {@link Notice} tells; {@link #wireName()} is its name in JSON. */
public enum NoticeKind {
  MAINTENANCE_ON("maintenance_on"),
  MAINTENANCE_OFF("maintenance_off"),
  PLANNED_SWITCH("planned_switch"),
  /** episodes that opened and closed while a sink was unreachable */
  UNREACHABLE_SUMMARY("unreachable_summary"),
  WATCHER_BLIND("watcher_blind"),
  WATCHER_SEES("watcher_sees");

  private final String wireName;

  NoticeKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
