package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.OpenEpisode;
import dev.bluegreen.watcher.notify.SinkStats;
import dev.bluegreen.watcher.page.History;
import dev.bluegreen.watcher.page.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status page's JSON: everything of {@link HealthDocument} (so the page shows what /healthz
 * does, new keys included), and what only the page draws: the release serving, the window's strip
 * and thresholds, open episodes, the 15-minute history and the alert timeline. NaN is null.
 */
final class PageDocument {
  private PageDocument() {}

  static Map<String, Object> of(LiveView view, long nowMillis) {
    WatcherStatus status = view.status();
    Map<String, Object> body = HealthDocument.of(status, nowMillis);
    body.put("serving_release", view.servingRelease());
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("size", view.windowSize());
    window.put("cells", view.strip());
    window.put("error_ratio", number(status.windowErrorRatio()));
    window.put("error_threshold_ratio", number(status.errorRateThresholdRatio()));
    window.put("p99_seconds", number(status.latencyP99Seconds()));
    window.put("p50_seconds", number(status.latencyP50Seconds()));
    window.put("latency_threshold_seconds", number(status.latencyThresholdSeconds()));
    body.put("window", window);
    body.put("episodes", episodes(view.episodes()));
    body.put("history", history(view.history()));
    body.put("timeline", timeline(view.timeline()));
    body.put("sinks", sinks(status.sinks()));
    return body;
  }

  private static Object number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
  }

  private static List<Map<String, Object>> episodes(List<OpenEpisode> episodes) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (OpenEpisode episode : episodes) {
      out.add(Map.of("kind", episode.kind().wireName(), "severity", episode.severity().wireName()));
    }
    return out;
  }

  /** {@code {"every_seconds":5,"points":[[epoch ms, error ratio, p99 s or null], ...]}}. */
  private static Map<String, Object> history(List<History.Point> points) {
    List<List<Object>> out = new ArrayList<>(points.size());
    for (History.Point point : points) {
      List<Object> one = new ArrayList<>(3);
      one.add(point.atMillis());
      one.add(number(point.errorRatio()));
      one.add(number(point.p99Seconds()));
      out.add(one);
    }
    Map<String, Object> history = new LinkedHashMap<>();
    history.put("every_seconds", History.EVERY_MILLIS / 1000);
    history.put("points", out);
    return history;
  }

  private static List<Map<String, Object>> timeline(List<Timeline.Entry> entries) {
    List<Map<String, Object>> out = new ArrayList<>(entries.size());
    for (Timeline.Entry entry : entries) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("at", entry.at() == null ? null : entry.at().toString());
      one.put("kind", entry.kind());
      one.put("severity", entry.severity());
      one.put("text", entry.text());
      Map<String, Object> sinks = new LinkedHashMap<>();
      entry
          .sinks()
          .forEach(
              (sink, delivery) -> {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("state", delivery.state().wireName());
                state.put("reason", delivery.reason());
                sinks.put(sink, state);
              });
      one.put("sinks", sinks);
      out.add(one);
    }
    return out;
  }

  private static List<Map<String, Object>> sinks(List<SinkStats> stats) {
    List<Map<String, Object>> out = new ArrayList<>(stats.size());
    for (SinkStats sink : stats) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("sink", sink.sink());
      one.put("queued", sink.queued());
      one.put("delivered", sink.delivered());
      one.put("failing_since", sink.failingSince() == null ? null : sink.failingSince().toString());
      one.put("lost", sink.lost());
      out.add(one);
    }
    return out;
  }
}
