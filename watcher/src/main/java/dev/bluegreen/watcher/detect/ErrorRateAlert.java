package dev.bluegreen.watcher.detect;

import java.time.Instant;

/**
 * The error rate rose above the threshold, rose from {@link Severity#WARNING} to {@link
 * Severity#CRITICAL}, or fell back down.
 *
 * @param kind {@link AlertKind#ERROR_RATE} or {@link AlertKind#ERROR_RATE_RESOLVED}
 * @param at the log time when it happened
 * @param where the log line where it happened
 * @param rate the window's error rate at that moment
 * @param severity {@link Severity#CRITICAL} once the errors clients saw were above the threshold in
 *     this episode, else {@link Severity#WARNING} (retries hid enough errors to pass it); a
 *     resolution carries the severity of the episode it closes
 * @param reminder the spike was announced before and is still there after the cooldown
 * @param escalated the episode was announced as a warning and clients now see errors above the
 *     threshold: sent at once, whatever the cooldown
 * @param evidence for a spike, the recent failures' statuses and failing pool, or {@code null}
 */
public record ErrorRateAlert(
    AlertKind kind,
    Instant at,
    LineRef where,
    ErrorRate rate,
    Severity severity,
    boolean reminder,
    boolean escalated,
    Evidence evidence)
    implements Alert {

  public ErrorRateAlert {
    if (kind != AlertKind.ERROR_RATE && kind != AlertKind.ERROR_RATE_RESOLVED) {
      throw new IllegalArgumentException("not an error-rate alert: " + kind);
    }
    if (escalated && (kind != AlertKind.ERROR_RATE || severity != Severity.CRITICAL)) {
      throw new IllegalArgumentException("only a critical error_rate alert escalates");
    }
  }

  /** An alert without evidence (yet). */
  public ErrorRateAlert(
      AlertKind kind,
      Instant at,
      LineRef where,
      ErrorRate rate,
      Severity severity,
      boolean reminder,
      boolean escalated) {
    this(kind, at, where, rate, severity, reminder, escalated, null);
  }

  /** An alert whose severity is the one its rate shows, neither a reminder nor an escalation. */
  public ErrorRateAlert(AlertKind kind, Instant at, LineRef where, ErrorRate rate) {
    this(kind, at, where, rate, rate.severity(), false, false);
  }

  /** This alert, citing {@code why}. */
  public ErrorRateAlert withEvidence(Evidence why) {
    return new ErrorRateAlert(kind, at, where, rate, severity, reminder, escalated, why);
  }
}
