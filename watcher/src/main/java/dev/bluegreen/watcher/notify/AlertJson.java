package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.ErrorRateAlert;
import dev.bluegreen.watcher.detect.Evidence;
import dev.bluegreen.watcher.detect.FlappingAlert;
import dev.bluegreen.watcher.detect.Latency;
import dev.bluegreen.watcher.detect.LatencyAlert;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.detect.StandbyAlert;
import dev.bluegreen.watcher.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON shape of an alert: printed by {@code replay --format json}, posted by the generic
 * webhook. Fields: kind, severity ({@code warning} or {@code critical}), file, line, at, reminder;
 * from, to, release for pool alerts, and after_flapping (true, only present when the alert says
 * where traffic settled after flapping); rate, errors, client_errors, hidden_errors, requests,
 * threshold for error-rate alerts, and escalated (true, only present on the alert that says a
 * warning turned critical); from, to (the pool serving now), episodes and since for {@code
 * flapping}; requests, p99_ms, p50_ms, threshold_ms, slowest_ms, and when known slowest_log
 * (file:line) and slowest_request_id for latency alerts; pool, serving, failures_in_row, last_error
 * and text for {@code standby_down} and {@code standby_up} (file {@code probe}, line 0: no log
 * line); evidence when the log shows why.
 */
public final class AlertJson {
  private AlertJson() {}

  public static Map<String, Object> toMap(Alert alert) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", alert.kind().wireName());
    map.put("severity", alert.severity().wireName());
    map.put("file", alert.where().file());
    map.put("line", alert.where().line());
    map.put("at", alert.at().toString());
    map.put("reminder", alert.reminder());
    if (alert instanceof PoolAlert pool) {
      map.put("from", pool.from());
      map.put("to", pool.to());
      map.put("release", pool.release());
      if (pool.afterFlapping()) {
        map.put("after_flapping", true);
      }
    } else if (alert instanceof FlappingAlert flapping) {
      map.put("from", flapping.from());
      map.put("to", flapping.to());
      map.put("episodes", flapping.episodes());
      map.put("since", flapping.since().toString());
    } else if (alert instanceof ErrorRateAlert errorRate) {
      ErrorRate rate = errorRate.rate();
      map.put("rate", Math.round(rate.percent() * 100) / 100.0);
      map.put("errors", rate.errors());
      map.put("client_errors", rate.clientErrors());
      map.put("hidden_errors", rate.hiddenErrors());
      map.put("requests", rate.requests());
      map.put("threshold", rate.thresholdPercent());
      if (errorRate.escalated()) {
        map.put("escalated", true);
      }
    } else if (alert instanceof StandbyAlert standby) {
      map.put("pool", standby.pool());
      map.put("serving", standby.serving());
      map.put("failures_in_row", standby.failuresInRow());
      map.put("last_error", standby.lastError());
      map.put("text", AlertText.standbyText(standby));
    } else if (alert instanceof LatencyAlert slow) {
      Latency latency = slow.latency();
      map.put("requests", latency.requests());
      map.put("p99_ms", latency.p99Millis());
      map.put("p50_ms", latency.p50Millis());
      map.put("threshold_ms", latency.thresholdMillis());
      map.put("slowest_ms", latency.slowestMillis());
      if (latency.slowestAt() != null) {
        map.put("slowest_log", latency.slowestAt().toString());
      }
      if (latency.slowestRequestId() != null) {
        map.put("slowest_request_id", latency.slowestRequestId());
      }
    }
    Evidence why = alert.evidence();
    if (why != null) {
      map.put("evidence", evidence(why));
    }
    return map;
  }

  /**
   * {@code {"pool", "address", "attempts", "failed", "statuses": {"500": 6}, "request_id",
   * "span_seconds"}}: what the log showed in the span before the alert.
   */
  private static Map<String, Object> evidence(Evidence why) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("pool", why.pool());
    map.put("address", why.address());
    map.put("attempts", why.attempts());
    map.put("failed", why.failed());
    Map<String, Integer> statuses = new LinkedHashMap<>();
    why.statuses().forEach(s -> statuses.put(Integer.toString(s.status()), s.count()));
    map.put("statuses", statuses);
    map.put("request_id", why.requestId());
    map.put("span_seconds", Evidence.SPAN_MILLIS / 1000);
    return map;
  }

  /** One line of JSON, no trailing newline. */
  public static String toLine(Alert alert) {
    try {
      return Json.text(toMap(alert));
    } catch (IOException e) {
      throw new IllegalStateException("an alert map of plain values always serializes", e);
    }
  }
}
