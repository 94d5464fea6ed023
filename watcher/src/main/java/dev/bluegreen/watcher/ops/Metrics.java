package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.health.Health;
import dev.bluegreen.watcher.health.ProblemCode;
import dev.bluegreen.watcher.probe.ProbeStatus;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The watcher's own metrics in Prometheus text format. Every value is read from the latest status
 * snapshot at scrape time, so the reading thread pays nothing per line for them.
 */
public final class Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public Metrics(Supplier<WatcherStatus> status) {
    CounterWithCallback.builder()
        .name("watcher_lines_total")
        .help("Access-log lines read, malformed ones included.")
        .callback(c -> c.call(status.get().lines()))
        .register(registry);
    CounterWithCallback.builder()
        .name("watcher_lines_malformed_total")
        .help("Lines that did not fit the log format and were skipped.")
        .callback(c -> c.call(status.get().malformed()))
        .register(registry);
    CounterWithCallback.builder()
        .name("watcher_alerts_total")
        .help("Alerts decided, by kind (failover, error_rate, latency, their resolutions, ...).")
        .labelNames("kind")
        .callback(
            c -> {
              WatcherStatus now = status.get();
              for (AlertKind kind : AlertKind.values()) {
                c.call(now.alerts(kind), kind.wireName());
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("watcher_alert_delivery_failures_total")
        .help("Alerts a sink refused for good (revoked webhook, bad payload, ...).")
        .callback(c -> c.call(status.get().deliveryFailures()))
        .register(registry);
    DeliveryMetrics.register(registry, () -> status.get().sinks());
    CounterWithCallback.builder()
        .name("watcher_log_rotations_total")
        .help("Log rotations followed: renames, deletions, truncations.")
        .callback(c -> c.call(status.get().rotations()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_window_error_ratio")
        .help("Errors (seen by clients or hidden by retries) in the sliding window, 0..1.")
        .callback(c -> c.call(status.get().windowErrorRatio()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_error_rate_threshold_ratio")
        .help(
            "ERROR_RATE_THRESHOLD as a fraction (0..1): compare watcher_window_error_ratio to it.")
        .callback(c -> c.call(status.get().errorRateThresholdRatio()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_window_latency_p99_seconds")
        .help("p99 of $request_time in the sliding window; NaN until it holds MIN_REQUESTS.")
        .callback(c -> c.call(status.get().latencyP99Seconds()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_window_latency_p50_seconds")
        .help("Median $request_time in the sliding window; NaN until it holds MIN_REQUESTS.")
        .callback(c -> c.call(status.get().latencyP50Seconds()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_latency_threshold_seconds")
        .help("LATENCY_P99_MS: the p99 request time above which a latency alert fires.")
        .callback(c -> c.call(status.get().latencyThresholdSeconds()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_maintenance")
        .help("1 while maintenance mode suppresses alerts.")
        .callback(c -> c.call(status.get().maintenance() ? 1 : 0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_last_line_timestamp_seconds")
        .help("Wall-clock time the last line was read (0 before the first).")
        .callback(c -> c.call(status.get().lastLineMillis() / 1000.0))
        .register(registry);
    health(status);
    probes(status);
  }

  /** Each probed pool's latest check: no series before its first check. */
  private void probes(Supplier<WatcherStatus> status) {
    GaugeWithCallback.builder()
        .name("watcher_probe_up")
        .help("1 when the pool's health URL (PROBE_URLS) answered 2xx at its last check, else 0.")
        .labelNames("pool")
        .callback(
            c -> {
              for (ProbeStatus probe : status.get().probes()) {
                if (probe.lastCheck() != null) {
                  c.call(probe.state().equals("up") ? 1 : 0, probe.pool());
                }
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_probe_failures_in_row")
        .help("Checks of the pool's health URL failed in a row; standby_down at 3 (not serving).")
        .labelNames("pool")
        .callback(
            c -> {
              for (ProbeStatus probe : status.get().probes()) {
                if (probe.lastCheck() != null) {
                  c.call(probe.failuresInRow(), probe.pool());
                }
              }
            })
        .register(registry);
  }

  private void health(Supplier<WatcherStatus> status) {
    GaugeWithCallback.builder()
        .name("watcher_health_status")
        .help("The watcher's own health: 0 ok, 1 degraded, 2 failing (blind).")
        .callback(c -> c.call(status.get().health().status().gaugeValue()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("watcher_health_problem")
        .help("1 while the watcher has this problem (see /healthz and the runbook), else 0.")
        .labelNames("code")
        .callback(
            c -> {
              Health health = status.get().health();
              for (ProblemCode code : ProblemCode.values()) {
                c.call(health.has(code) ? 1 : 0, code.wireName());
              }
            })
        .register(registry);
  }

  public String contentType() {
    return writer.getContentType();
  }

  public void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}
