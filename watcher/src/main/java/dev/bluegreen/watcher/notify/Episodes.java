package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.LatencyAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.StandbyAlert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Which episode a message belongs to and what it does to it, for the {@link Outbox}: a failover, a
 * flapping alert, an error-rate spike or slow requests {@link Role#OPENS} one, a reminder, a
 * settled pool or an escalation {@link Role#UPDATES} it, a recovery or a resolution {@link
 * Role#CLOSES} it. Notices and samples belong to no episode and are never collapsed.
 */
final class Episodes {
  /** The condition of the pools: failovers, recoveries, flapping. */
  static final String POOL = "pool";

  /** The condition of the error rate: spikes and their resolutions. */
  static final String ERROR_RATE = "error_rate";

  /** The condition of request times: slow requests and their resolutions. */
  static final String LATENCY = "latency";

  /** The condition of one probed pool: {@code standby/green}, its downs and ups. */
  static final String STANDBY = "standby/";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** What a message does to its condition's episodes. */
  enum Role {
    OPENS,
    UPDATES,
    CLOSES,
    /** a notice or a sample: no episode */
    NONE
  }

  private Episodes() {}

  /** The condition {@code message} is about, or {@code null} for a notice or a sample. */
  static String key(Message message) {
    if (message instanceof Notice.Summary summary) {
      return summary.condition();
    }
    if (!(message instanceof AlertMessage alert) || alert.sample()) {
      return null;
    }
    if (alert.alert() instanceof ErrorRateAlert) {
      return ERROR_RATE;
    }
    if (alert.alert() instanceof StandbyAlert standby) {
      return STANDBY + standby.pool();
    }
    return alert.alert() instanceof LatencyAlert ? LATENCY : POOL;
  }

  static Role role(Message message) {
    if (key(message) == null || message instanceof Notice) {
      return Role.NONE;
    }
    Alert alert = ((AlertMessage) message).alert();
    if (alert.kind().closesIncident()) {
      return Role.CLOSES;
    }
    if (alert.reminder()
        || (alert instanceof PoolAlert pool && pool.afterFlapping())
        || escalates(message)) {
      return Role.UPDATES;
    }
    return Role.OPENS;
  }

  /**
   * An error-rate episode announced as a warning turned critical: the episode's current state,
   * never superseded by its reminders nor dropped from a full box.
   */
  static boolean escalates(Message message) {
    return message instanceof AlertMessage alert
        && !alert.sample()
        && alert.alert() instanceof ErrorRateAlert rate
        && rate.escalated();
  }

  /**
   * One summary line: {@code failover from blue to green at 12:01:00 UTC, recovered at 12:04:00
   * UTC}.
   */
  static String line(Alert opening, Alert closing) {
    String opened = opening == null ? null : what(opening);
    String closed = closing == null ? null : what(closing);
    if (opened == null) {
      return closed;
    }
    return closed == null ? opened : opened + ", " + closed;
  }

  /**
   * E.g. {@code failover from blue to green at 12:01:00 UTC}, {@code recovered at 12:04:00 UTC}.
   */
  static String what(Alert alert) {
    String at = " at " + time(alert.at());
    if (alert instanceof FlappingAlert flapping) {
      return "flapping between " + flapping.from() + " and " + flapping.to() + at;
    }
    if (alert instanceof PoolAlert pool) {
      return pool.kind() == AlertKind.RECOVERY
          ? "recovered (back on " + pool.to() + ")" + at
          : "failover from " + pool.from() + " to " + pool.to() + at;
    }
    if (alert instanceof StandbyAlert standby) {
      return standby.kind() == AlertKind.STANDBY_UP
          ? standby.pool() + " up again" + at
          : standby.pool() + " down (standby)" + at;
    }
    if (alert instanceof LatencyAlert slow) {
      return slow.kind() == AlertKind.LATENCY_RESOLVED
          ? "back to normal" + at
          : "slow requests p99 " + slow.latency().p99Millis() + " ms" + at;
    }
    ErrorRateAlert rate = (ErrorRateAlert) alert; // Alert is sealed: the only other kind
    return rate.kind() == AlertKind.ERROR_RATE_RESOLVED
        ? "error rate resolved" + at
        : "error rate " + AlertText.percent(rate.rate().percent()) + "%" + at;
  }

  static String time(Instant at) {
    return TIME.format(at);
  }
}
