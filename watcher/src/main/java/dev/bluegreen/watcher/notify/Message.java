package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;

/**
 * One item on the delivery queue: an alert or a notice (exactly one is set).
 *
 * @param alert the alert, or {@code null} for a notice
 * @param notice the notice, or {@code null} for an alert
 * @param sample a sample from {@code watcher test-alert}: sinks mark it as a test
 */
public record Message(Alert alert, Notice notice, boolean sample) {

  public static Message of(Alert alert) {
    return new Message(alert, null, false);
  }

  public static Message of(Notice notice) {
    return new Message(null, notice, false);
  }

  public static Message sample(Alert alert) {
    return new Message(alert, null, true);
  }

  /**
   * Which messages a full queue gives up first (lowest first): notices, then failovers and
   * error-rate alerts, and last the recoveries and resolutions that close an incident.
   */
  int dropRank() {
    if (notice != null) {
      return 0;
    }
    return alert.kind().closesIncident() ? 2 : 1;
  }

  /** For log lines: {@code failover alert}, {@code planned_switch notice}. */
  public String describe() {
    return alert != null
        ? (sample ? "sample " : "") + alert.kind().wireName() + " alert"
        : notice.kind().wireName() + " notice";
  }
}
