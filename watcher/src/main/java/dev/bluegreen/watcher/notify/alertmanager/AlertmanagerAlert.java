package dev.bluegreen.watcher.notify.alertmanager;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.Latency;
import dev.bluegreen.watcher.detect.LatencyAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.StandbyAlert;
import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.AlertText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert as Alertmanager's v2 API takes it, rendered without side effects: {@link #of} is a
 * function of the message and of the alert still firing for the same condition.
 *
 * @param labels identify the alert: equal labels are one alert to Alertmanager
 * @param annotations what people read
 * @param startsAt when the incident began (the log time)
 * @param endsAt when it ended, or {@code null} while it fires
 */
record AlertmanagerAlert(
    Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt) {

  /**
   * The condition a message fires or ends, e.g. {@code pool} or {@code error_rate/test}: failover,
   * flapping and recovery are one condition (flapping is not an alertname of its own but the pool
   * alert re-posted with a {@code flapping} annotation), as are an error rate and its resolution,
   * and latency and its resolution, and one probed pool's standby_down and standby_up ({@code
   * standby/green}); samples are apart.
   */
  static String condition(AlertMessage message) {
    Alert alert = message.alert();
    String condition =
        alert instanceof ErrorRateAlert
            ? "error_rate"
            : alert instanceof LatencyAlert
                ? "latency"
                : alert instanceof StandbyAlert standby ? "standby/" + standby.pool() : "pool";
    return condition + (message.sample() ? "/test" : "");
  }

  /**
   * What to post for {@code message}: the {@link #of} alert, preceded, when the message escalates a
   * firing alert to another severity, by that alert ended. The {@code severity} label is part of
   * the identity, so routes that page on {@code critical} see a new alert at the escalation; the
   * warning it replaces resolves at the same moment.
   *
   * @param firing the alert firing for the message's {@link #condition}, or {@code null}
   */
  static List<AlertmanagerAlert> posts(
      AlertMessage message, AlertmanagerAlert firing, String instance) {
    Alert alert = message.alert();
    String severity = alert.severity().wireName();
    if (firing == null
        || alert.kind().closesIncident()
        || severity.equals(firing.labels().get("severity"))) {
      return List.of(of(message, firing, instance));
    }
    Instant at = alert.at().isBefore(firing.startsAt()) ? firing.startsAt() : alert.at();
    AlertmanagerAlert ended =
        new AlertmanagerAlert(firing.labels(), firing.annotations(), firing.startsAt(), at);
    return List.of(ended, of(message, null, instance));
  }

  /**
   * The alert to post for {@code message}: a recovery or resolution ends {@code firing} (same
   * labels and {@code startsAt}, with {@code endsAt}); a failover or spike fires.
   *
   * @param firing the alert firing for the message's {@link #condition}, or {@code null}
   */
  static AlertmanagerAlert of(AlertMessage message, AlertmanagerAlert firing, String instance) {
    Alert alert = message.alert();
    Map<String, String> labels =
        firing != null ? firing.labels() : labels(alert, message.sample(), instance);
    Instant startsAt = firing != null ? firing.startsAt() : alert.at();
    Instant endsAt = null;
    if (alert.kind().closesIncident()) {
      endsAt = alert.at().isBefore(startsAt) ? startsAt : alert.at();
    }
    return new AlertmanagerAlert(labels, annotations(alert), startsAt, endsAt);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("labels", labels);
    map.put("annotations", annotations);
    map.put("startsAt", startsAt.toString());
    if (endsAt != null) {
      map.put("endsAt", endsAt.toString());
    }
    return map;
  }

  private static Map<String, String> labels(Alert alert, boolean sample, String instance) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (alert instanceof PoolAlert pool) {
      labels.put("alertname", "BlueGreenFailover");
      // the primary: the pool a failover left, the pool a recovery came back to
      labels.put("pool", pool.kind() == AlertKind.RECOVERY ? pool.to() : pool.from());
    } else if (alert instanceof FlappingAlert flapping) {
      labels.put("alertname", "BlueGreenFailover"); // flapping is a state of the pool alert
      labels.put("pool", flapping.from());
    } else if (alert instanceof LatencyAlert) {
      labels.put("alertname", "BlueGreenLatency");
    } else if (alert instanceof StandbyAlert standby) {
      labels.put("alertname", "BlueGreenStandbyDown"); // the probed pool: one alert per pool
      labels.put("pool", standby.pool());
    } else {
      labels.put("alertname", "BlueGreenErrorRate");
    }
    labels.put("severity", alert.severity().wireName());
    labels.put("instance", instance);
    labels.put("kind", openingKind(alert).wireName());
    if (sample) {
      labels.put("test", "true"); // test-alert's samples never resolve a real alert
    }
    return labels;
  }

  /**
   * The kind that opens the alert's condition: labels are its identity, so a recovery or a
   * resolution (even one posted after a restart, with no firing alert remembered) and flapping
   * carry the same {@code kind} as the alert they update or end.
   */
  private static AlertKind openingKind(Alert alert) {
    return switch (alert.kind()) {
      case FAILOVER, RECOVERY, FLAPPING -> AlertKind.FAILOVER;
      case ERROR_RATE, ERROR_RATE_RESOLVED -> AlertKind.ERROR_RATE;
      case LATENCY, LATENCY_RESOLVED -> AlertKind.LATENCY;
      case STANDBY_DOWN, STANDBY_UP -> AlertKind.STANDBY_DOWN;
        // no default: a new kind must say which condition it belongs to
    };
  }

  private static Map<String, String> annotations(Alert alert) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("summary", AlertText.summary(alert));
    annotations.put("description", AlertText.toLine(alert));
    if (alert instanceof PoolAlert pool) {
      annotations.put("serving", pool.to());
      if (pool.release() != null) {
        annotations.put("release", pool.release());
      }
      if (pool.afterFlapping()) {
        annotations.put("after_flapping", "true");
      }
    } else if (alert instanceof FlappingAlert flapping) {
      annotations.put("serving", flapping.to());
      annotations.put("flapping", flapping.episodes() + " failovers since " + flapping.since());
    } else if (alert instanceof StandbyAlert standby) {
      annotations.put("serving", standby.serving());
      annotations.put("failures_in_row", Integer.toString(standby.failuresInRow()));
      if (standby.lastError() != null) {
        annotations.put("last_error", standby.lastError());
      }
    } else if (alert instanceof LatencyAlert slow) {
      Latency latency = slow.latency();
      annotations.put("p99_ms", Integer.toString(latency.p99Millis()));
      annotations.put("p50_ms", Integer.toString(latency.p50Millis()));
      annotations.put("threshold_ms", Integer.toString(latency.thresholdMillis()));
      if (latency.slowestRequestId() != null) {
        annotations.put("slowest_request_id", latency.slowestRequestId());
      }
    }
    if (alert.evidence() != null) {
      annotations.put("evidence", alert.evidence().describe());
    }
    annotations.put("log", alert.where().toString());
    return annotations;
  }
}
