package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.health.Health;
import dev.bluegreen.watcher.health.Problem;
import dev.bluegreen.watcher.probe.ProbeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON document {@code /healthz}, {@code /admin/status} and every applied control answer. */
final class HealthDocument {
  private HealthDocument() {}

  /**
   * The health document: status ({@code ok}, {@code degraded}, {@code failing}) and its problems,
   * the log followed, lines read, seconds since the last line, the probed pools ({@code probes},
   * empty without PROBE_URLS: a standby down is an alert about the app, not a health problem).
   */
  static Map<String, Object> of(WatcherStatus status, long nowMillis) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.health().status().wireName());
    body.put("problems", problems(status.health()));
    body.put("waiting_for_log", status.waitingForLog());
    body.put("log", status.log());
    body.put("lines", status.lines());
    body.put("malformed", status.malformed());
    body.put(
        "seconds_since_last_line",
        status.lastLineMillis() == 0 ? null : (nowMillis - status.lastLineMillis()) / 1000.0);
    body.put("active_pool", status.primary());
    body.put("serving_pool", status.servingPool());
    body.put("announced_pool", status.announcedPool());
    body.put("maintenance", status.maintenance());
    body.put("alerts", status.alerts());
    body.put("rotations", status.rotations());
    body.put("probes", probes(status));
    return body;
  }

  /** Each probed pool: pool, url, state (up, down, unknown), serving, failures_in_row... */
  private static List<Map<String, Object>> probes(WatcherStatus status) {
    List<Map<String, Object>> probes = new ArrayList<>();
    for (ProbeStatus probe : status.probes()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("pool", probe.pool());
      one.put("url", probe.url());
      one.put("state", probe.state());
      one.put("serving", probe.serving());
      one.put("failures_in_row", probe.failuresInRow());
      one.put("last_error", probe.lastError());
      one.put("last_check", probe.lastCheck() == null ? null : probe.lastCheck().toString());
      probes.add(one);
    }
    return probes;
  }

  private static List<Map<String, Object>> problems(Health health) {
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem problem : health.problems()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("code", problem.code().wireName());
      one.put("since", Instant.ofEpochMilli(problem.sinceMillis()).toString());
      one.put("detail", problem.detail());
      one.put("fix", problem.code().fix());
      problems.add(one);
    }
    return problems;
  }
}
