package dev.bluegreen.watcher.health;

import java.util.Locale;

/**
 * Every problem the watcher reports about itself, with how bad it is and the fix to try first. The
 * wire name is {@code /healthz}'s {@code problems[].code} and {@code watcher_health_problem}'s
 * {@code code} label.
 */
public enum ProblemCode {
  LOG_UNREADABLE(
      HealthStatus.FAILING,
      "give the watcher's user read access to the log (and execute access to its directories)"),
  LOG_NOT_REGULAR(
      HealthStatus.FAILING,
      "point LOG_PATH (--log-path) at the access log file itself, not its directory or a pipe"),
  LOG_MISSING(
      HealthStatus.FAILING,
      "check LOG_PATH (--log-path) and that Nginx writes its access log there (access_log)"),
  FORMAT_MISMATCH(
      HealthStatus.FAILING,
      "set --nginx-log-format (NGINX_LOG_FORMAT) to the log_format Nginx writes this log with"),
  STATE_UNSAVED(
      HealthStatus.DEGRADED,
      "make STATE_FILE's directory writable and free disk space: a restart now re-reads and may"
          + " re-send alerts"),
  SINK_FAILING(
      HealthStatus.DEGRADED,
      "check the sink's URL and that it is reachable from the watcher (see the delivery lines"
          + " in the log)"),
  ALERTS_DROPPED(
      HealthStatus.DEGRADED,
      "alerts were lost: fix the failing sink, or raise the queue capacity if bursts overflow it");

  private final HealthStatus status;
  private final String fix;

  ProblemCode(HealthStatus status, String fix) {
    this.status = status;
    this.fix = fix;
  }

  /** {@code log_unreadable}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How bad the watcher is while this lasts. */
  public HealthStatus status() {
    return status;
  }

  /** What to try first, in one sentence. */
  public String fix() {
    return fix;
  }
}
