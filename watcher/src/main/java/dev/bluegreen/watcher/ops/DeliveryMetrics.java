package dev.bluegreen.watcher.ops;

import dev.bluegreen.watcher.notify.DropReason;
import dev.bluegreen.watcher.notify.SinkStats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per-sink delivery metrics ({@code slack}, {@code webhook}, {@code alertmanager}; the console is
 * not counted): the outbox depth, the drops by reason and the attempts by outcome, a failed attempt
 * counted when it fails.
 */
final class DeliveryMetrics {
  private DeliveryMetrics() {}

  static void register(PrometheusRegistry registry, Supplier<List<SinkStats>> sinks) {
    GaugeWithCallback.builder()
        .name("watcher_alert_queue_depth")
        .help("Messages a sink has not delivered yet (its outbox), the one being sent included.")
        .labelNames("sink")
        .callback(c -> counted(sinks).forEach(sink -> c.call(sink.queued(), sink.sink())))
        .register(registry);
    CounterWithCallback.builder()
        .name("watcher_alerts_dropped_total")
        .help(
            "Messages a sink will not deliver, by reason: queue_full, superseded (told by a newer"
                + " message or a summary), refused (a permanent answer), shutdown (no state file).")
        .labelNames("sink", "reason")
        .callback(
            c ->
                counted(sinks)
                    .forEach(
                        sink -> {
                          for (DropReason reason : DropReason.values()) {
                            c.call(sink.dropped(reason), sink.sink(), reason.wireName());
                          }
                        }))
        .register(registry);
    CounterWithCallback.builder()
        .name("watcher_alert_delivery_attempts_total")
        .help("Requests to a sink by outcome: delivered, or failed (no answer, 429, 5xx, refused).")
        .labelNames("sink", "outcome")
        .callback(
            c ->
                counted(sinks)
                    .forEach(
                        sink -> {
                          c.call(sink.delivered(), sink.sink(), "delivered");
                          c.call(sink.failedAttempts(), sink.sink(), "failed");
                        }))
        .register(registry);
  }

  private static List<SinkStats> counted(Supplier<List<SinkStats>> sinks) {
    List<SinkStats> all = sinks.get();
    return all == null ? List.of() : all.stream().filter(s -> !s.sink().equals("console")).toList();
  }
}
