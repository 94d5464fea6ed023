package dev.bluegreen.watcher.notify;

import java.time.Instant;

/**
 * A short informational message from the live watcher (maintenance on or off, a planned pool
 * switch): posted to Slack and the generic webhook, never paging, never to Alertmanager.
 *
 * @param kind what it tells
 * @param at when it happened
 * @param title one short line, e.g. "Maintenance mode on"
 * @param detail what it means for alerts
 * @param from the pool traffic is planned to leave (planned switches only, else {@code null})
 * @param to the pool planned to serve (planned switches only, else {@code null})
 */
public record Notice(
    NoticeKind kind, Instant at, String title, String detail, String from, String to) {

  public static Notice maintenanceOn(Instant at) {
    return new Notice(
        NoticeKind.MAINTENANCE_ON,
        at,
        "Maintenance mode on",
        "Alerts are suppressed until maintenance mode is turned off.",
        null,
        null);
  }

  public static Notice maintenanceOff(Instant at) {
    return new Notice(
        NoticeKind.MAINTENANCE_OFF,
        at,
        "Maintenance mode off",
        "Alerts are on again; anything still wrong is reported from the next log lines.",
        null,
        null);
  }

  public static Notice plannedSwitch(Instant at, String from, String to) {
    return new Notice(
        NoticeKind.PLANNED_SWITCH,
        at,
        "Planned switch from " + from + " to " + to,
        "The expected pool is now " + to + ": traffic on it is not a failover.",
        from,
        to);
  }
}
