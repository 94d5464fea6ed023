package dev.bluegreen.watcher.state;

import dev.bluegreen.watcher.detect.ErrorRate;
import dev.bluegreen.watcher.detect.Evidence;
import dev.bluegreen.watcher.detect.Latency;
import dev.bluegreen.watcher.json.JsonObject;
import dev.bluegreen.watcher.notify.SavedMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file's outbox: by sink, its undelivered {@link SavedMessage}s, each an object of the
 * record's components in their order with the {@code null} ones left out (as jackson-databind wrote
 * them); the rate, evidence and latency inside keep their nulls.
 */
final class OutboxJson {
  private OutboxJson() {}

  static Map<String, Object> write(Map<String, List<SavedMessage>> outbox) {
    if (outbox == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    outbox.forEach(
        (sink, messages) ->
            json.put(
                sink, messages == null ? null : messages.stream().map(OutboxJson::write).toList()));
    return json;
  }

  static Map<String, List<SavedMessage>> read(JsonObject json) {
    Map<String, List<SavedMessage>> outbox = new LinkedHashMap<>();
    json.fields()
        .forEach((sink, messages) -> outbox.put(sink, json.list(sink, OutboxJson::message)));
    return outbox;
  }

  private static Map<String, Object> write(SavedMessage message) {
    if (message == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    putIfSet(json, "kind", message.kind());
    json.put("at", message.at());
    putIfSet(json, "where", DetectorsJson.write(message.where()));
    putIfSet(json, "from", message.from());
    putIfSet(json, "to", message.to());
    putIfSet(json, "release", message.release());
    putIfSet(json, "reminder", message.reminder());
    putIfSet(json, "afterFlapping", message.afterFlapping());
    putIfSet(json, "rate", write(message.rate()));
    putIfSet(json, "severity", message.severity());
    putIfSet(json, "escalated", message.escalated());
    putIfSet(json, "evidence", write(message.evidence()));
    putIfSet(json, "latency", write(message.latency()));
    putIfSet(json, "episodes", message.episodes());
    putIfSet(json, "since", message.since());
    putIfSet(json, "sink", message.sink());
    putIfSet(json, "condition", message.condition());
    putIfSet(json, "lines", message.lines());
    putIfSet(json, "more", message.more());
    putIfSet(json, "sample", message.sample());
    putIfSet(json, "pool", message.pool());
    putIfSet(json, "failures", message.failures());
    putIfSet(json, "error", message.error());
    return json;
  }

  private static void putIfSet(Map<String, Object> json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }

  private static SavedMessage message(Object value) {
    if (value == null) {
      return null;
    }
    JsonObject json = JsonObject.of(value);
    return new SavedMessage(
        json.text("kind"),
        json.number("at"),
        json.object("where", DetectorsJson::lineRef),
        json.text("from"),
        json.text("to"),
        json.text("release"),
        json.optionalBool("reminder"),
        json.optionalBool("afterFlapping"),
        json.object("rate", OutboxJson::rate),
        json.text("severity"),
        json.optionalBool("escalated"),
        json.object("evidence", OutboxJson::evidence),
        json.object("latency", OutboxJson::latency),
        json.optionalInteger("episodes"),
        json.optionalNumber("since"),
        json.text("sink"),
        json.text("condition"),
        json.list("lines", line -> line == null ? null : line.toString()),
        json.optionalInteger("more"),
        json.optionalBool("sample"),
        json.text("pool"),
        json.optionalInteger("failures"),
        json.text("error"));
  }

  private static Map<String, Object> write(ErrorRate rate) {
    if (rate == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("requests", rate.requests());
    json.put("clientErrors", rate.clientErrors());
    json.put("hiddenErrors", rate.hiddenErrors());
    json.put("thresholdPercent", rate.thresholdPercent());
    return json;
  }

  private static ErrorRate rate(JsonObject json) {
    return new ErrorRate(
        json.integer("requests"),
        json.integer("clientErrors"),
        json.integer("hiddenErrors"),
        json.decimal("thresholdPercent"));
  }

  private static Map<String, Object> write(Evidence evidence) {
    if (evidence == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pool", evidence.pool());
    json.put("address", evidence.address());
    json.put("attempts", evidence.attempts());
    json.put("failed", evidence.failed());
    json.put(
        "statuses",
        evidence.statuses() == null
            ? null
            : evidence.statuses().stream().map(OutboxJson::write).toList());
    json.put("requestId", evidence.requestId());
    return json;
  }

  private static Map<String, Object> write(Evidence.StatusCount count) {
    if (count == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", count.status());
    json.put("count", count.count());
    return json;
  }

  private static Evidence evidence(JsonObject json) {
    return new Evidence(
        json.text("pool"),
        json.text("address"),
        json.integer("attempts"),
        json.integer("failed"),
        json.list(
            "statuses",
            s -> {
              JsonObject status = JsonObject.of(s);
              return new Evidence.StatusCount(status.integer("status"), status.integer("count"));
            }),
        json.text("requestId"));
  }

  private static Map<String, Object> write(Latency latency) {
    if (latency == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("requests", latency.requests());
    json.put("p50Millis", latency.p50Millis());
    json.put("p99Millis", latency.p99Millis());
    json.put("thresholdMillis", latency.thresholdMillis());
    json.put("slowestMillis", latency.slowestMillis());
    json.put("slowestAt", DetectorsJson.write(latency.slowestAt()));
    json.put("slowestRequestId", latency.slowestRequestId());
    return json;
  }

  private static Latency latency(JsonObject json) {
    return new Latency(
        json.integer("requests"),
        json.integer("p50Millis"),
        json.integer("p99Millis"),
        json.integer("thresholdMillis"),
        json.integer("slowestMillis"),
        json.object("slowestAt", DetectorsJson::lineRef),
        json.text("slowestRequestId"));
  }
}
