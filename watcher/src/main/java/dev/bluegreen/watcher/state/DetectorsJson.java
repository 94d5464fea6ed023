package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.detect.AlertGate;
import dev.bluegreen.watcher.detect.Detectors;
import dev.bluegreen.watcher.detect.Episode;
import dev.bluegreen.watcher.detect.ErrorRateDetector;
import dev.bluegreen.watcher.detect.LatencyDetector;
import dev.bluegreen.watcher.detect.LineRef;
import dev.bluegreen.watcher.detect.PoolFlipDetector;
import dev.bluegreen.watcher.detect.PoolRun;
import dev.bluegreen.watcher.detect.Severity;
import dev.bluegreen.watcher.detect.StandbyDetector;
import dev.bluegreen.watcher.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Detectors.State} in the state file: each record an object of its components, named and
 * ordered as the record declares them (as jackson-databind wrote them), {@code null} as null.
 */
final class DetectorsJson {
  private DetectorsJson() {}

  static Map<String, Object> write(Detectors.State state) {
    if (state == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("errorRate", write(state.errorRate()));
    json.put("poolFlips", write(state.poolFlips()));
    json.put(
        "gate", state.gate() == null ? null : Map.of("maintenance", state.gate().maintenance()));
    json.put("latency", write(state.latency()));
    json.put("standby", write(state.standby()));
    return json;
  }

  static Detectors.State read(JsonObject json) {
    return new Detectors.State(
        json.object("errorRate", DetectorsJson::errorRate),
        json.object("poolFlips", DetectorsJson::poolFlips),
        json.object("gate", gate -> new AlertGate.State(gate.bool("maintenance"))),
        json.object("latency", DetectorsJson::latency),
        json.object("standby", DetectorsJson::standby));
  }

  private static Map<String, Object> write(ErrorRateDetector.State state) {
    if (state == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("window", state.window());
    json.put("announced", state.announced());
    json.put("episode", write(state.episode()));
    json.put("pendingOpen", state.pendingOpen());
    json.put("sticky", state.sticky());
    json.put("okSince", state.okSince());
    json.put("lastWhere", write(state.lastWhere()));
    json.put("severity", state.severity());
    return json;
  }

  private static ErrorRateDetector.State errorRate(JsonObject json) {
    String severity = json.text("severity");
    return new ErrorRateDetector.State(
        json.text("window"),
        json.bool("announced"),
        json.object("episode", DetectorsJson::episode),
        json.bool("pendingOpen"),
        json.bool("sticky"),
        json.number("okSince"),
        json.object("lastWhere", DetectorsJson::lineRef),
        severity == null ? null : Severity.valueOf(severity));
  }

  private static Map<String, Object> write(PoolFlipDetector.State state) {
    if (state == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("primary", state.primary());
    json.put("announced", state.announced());
    json.put("previousPrimary", state.previousPrimary());
    json.put("switchedAt", state.switchedAt());
    json.put("candidate", state.candidate());
    json.put("candidateRequests", state.candidateRequests());
    json.put("candidateSince", state.candidateSince());
    json.put("candidateWhere", write(state.candidateWhere()));
    json.put("candidateRelease", state.candidateRelease());
    json.put("episode", write(state.episode()));
    json.put("latest", write(state.latest()));
    json.put("flapping", state.flapping());
    json.put("flapTo", state.flapTo());
    return json;
  }

  private static PoolFlipDetector.State poolFlips(JsonObject json) {
    return new PoolFlipDetector.State(
        json.text("primary"),
        json.text("announced"),
        json.text("previousPrimary"),
        json.number("switchedAt"),
        json.text("candidate"),
        json.integer("candidateRequests"),
        json.number("candidateSince"),
        json.object("candidateWhere", DetectorsJson::lineRef),
        json.text("candidateRelease"),
        json.object("episode", DetectorsJson::episode),
        json.object("latest", DetectorsJson::poolRun),
        json.bool("flapping"),
        json.text("flapTo"));
  }

  private static Map<String, Object> write(PoolRun run) {
    if (run == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pool", run.pool());
    json.put("since", run.since());
    json.put("where", write(run.where()));
    json.put("release", run.release());
    return json;
  }

  private static PoolRun poolRun(JsonObject json) {
    return new PoolRun(
        json.text("pool"),
        json.number("since"),
        json.object("where", DetectorsJson::lineRef),
        json.text("release"));
  }

  private static Map<String, Object> write(LatencyDetector.State state) {
    if (state == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("window", state.window());
    json.put("episode", write(state.episode()));
    json.put("pendingOpen", state.pendingOpen());
    json.put("sticky", state.sticky());
    json.put("okSince", state.okSince());
    json.put("lastWhere", write(state.lastWhere()));
    return json;
  }

  private static LatencyDetector.State latency(JsonObject json) {
    List<Integer> window = json.list("window", DetectorsJson::integer);
    return new LatencyDetector.State(
        window == null ? null : window.stream().mapToInt(Integer::intValue).toArray(),
        json.object("episode", DetectorsJson::episode),
        json.bool("pendingOpen"),
        json.bool("sticky"),
        json.number("okSince"),
        json.object("lastWhere", DetectorsJson::lineRef));
  }

  private static Map<String, Object> write(Detectors.Standby standby) {
    if (standby == null) {
      return null;
    }
    Map<String, Object> probes = null;
    if (standby.probes() != null) {
      probes = new LinkedHashMap<>();
      List<StandbyDetector.PoolState> pools = standby.probes().pools();
      List<Episode.State> episodes = standby.probes().episodes();
      probes.put("pools", pools == null ? null : pools.stream().map(DetectorsJson::write).toList());
      probes.put(
          "episodes",
          episodes == null ? null : episodes.stream().map(DetectorsJson::write).toList());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("probes", probes);
    json.put("lastPoolLine", standby.lastPoolLine());
    return json;
  }

  private static Detectors.Standby standby(JsonObject json) {
    return new Detectors.Standby(
        json.object(
            "probes",
            probes ->
                new StandbyDetector.State(
                    probes.list("pools", DetectorsJson::poolStateOrNull),
                    probes.list("episodes", DetectorsJson::episodeOrNull))),
        json.number("lastPoolLine"));
  }

  private static Map<String, Object> write(StandbyDetector.PoolState pool) {
    if (pool == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pool", pool.pool());
    json.put("up", pool.up());
    json.put("failuresInRow", pool.failuresInRow());
    json.put("lastError", pool.lastError());
    json.put("lastCheckMillis", pool.lastCheckMillis());
    json.put("alerted", pool.alerted());
    return json;
  }

  private static StandbyDetector.PoolState poolState(JsonObject json) {
    return new StandbyDetector.PoolState(
        json.text("pool"),
        json.optionalBool("up"),
        json.integer("failuresInRow"),
        json.text("lastError"),
        json.number("lastCheckMillis"),
        json.bool("alerted"));
  }

  private static StandbyDetector.PoolState poolStateOrNull(Object json) {
    return json == null ? null : poolState(JsonObject.of(json));
  }

  private static Map<String, Object> write(Episode.State episode) {
    if (episode == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("open", episode.open());
    json.put("lastAnnounced", episode.lastAnnounced());
    json.put("openings", episode.openings());
    return json;
  }

  private static Episode.State episode(JsonObject json) {
    return new Episode.State(
        json.bool("open"),
        json.number("lastAnnounced"),
        json.list("openings", opening -> opening == null ? null : ((Number) opening).longValue()));
  }

  private static Episode.State episodeOrNull(Object json) {
    return json == null ? null : episode(JsonObject.of(json));
  }

  static Map<String, Object> write(LineRef where) {
    if (where == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", where.file());
    json.put("line", where.line());
    return json;
  }

  static LineRef lineRef(JsonObject json) {
    return new LineRef(json.text("file"), json.number("line"));
  }

  private static Integer integer(Object value) {
    return value == null ? 0 : ((Number) value).intValue();
  }
}
