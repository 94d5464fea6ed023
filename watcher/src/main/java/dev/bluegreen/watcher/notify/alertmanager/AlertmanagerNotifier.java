package dev.bluegreen.watcher.notify.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.detect.AlertKind;
import dev.bluegreen.watcher.detect.PoolAlert;
import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.AlertText;
import dev.bluegreen.watcher.notify.Attempt;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notifier;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Posts alerts to Prometheus Alertmanager's v2 API ({@code POST /api/v2/alerts}). A failover and an
 * error-rate spike fire an alert with labels {@code alertname}, {@code pool} (the pool traffic
 * left; pool alerts only), {@code severity} and {@code instance}, and {@code startsAt} from the
 * log; the recovery or resolution posts the same labels and {@code startsAt} with {@code endsAt}.
 * Equal labels from several watchers of one Nginx are one alert to an Alertmanager cluster. Firing
 * alerts are re-posted every {@link #REFRESH_EVERY} while idle, as Prometheus does, since
 * Alertmanager resolves an alert not heard of for its {@code resolve_timeout}.
 */
public final class AlertmanagerNotifier implements Notifier {
  /** Well within Alertmanager's default resolve_timeout of 5 minutes. */
  public static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One alert as Alertmanager's API takes it. */
  record Posted(
      Map<String, String> labels,
      Map<String, String> annotations,
      Instant startsAt,
      Instant endsAt) {

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
  }

  private final SecretUrl base;
  private final HttpUrl endpoint;
  private final Headers headers;
  private final String instance;
  private final JsonPost http;
  private final Duration minInterval;
  private final Map<String, Posted> firing = new LinkedHashMap<>();
  private Instant lastRefresh;

  public AlertmanagerNotifier(
      SecretUrl base, String instance, JsonPost http, Duration minInterval) {
    this.base = base;
    this.endpoint = endpoint(base.reveal());
    this.headers =
        base.reveal().username().isEmpty()
            ? Headers.of()
            : Headers.of(
                "Authorization",
                Credentials.basic(base.reveal().username(), base.reveal().password()));
    this.instance = instance;
    this.http = http;
    this.minInterval = minInterval;
  }

  /** {@code http://am:9093} and {@code http://am:9093/am/} post to {@code .../api/v2/alerts}. */
  static HttpUrl endpoint(HttpUrl base) {
    HttpUrl plain = base.newBuilder().username("").password("").query(null).build();
    if (plain.encodedPath().endsWith("/api/v2/alerts")) {
      return plain;
    }
    HttpUrl.Builder builder = plain.newBuilder();
    List<String> segments = plain.pathSegments();
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      builder.removePathSegment(segments.size() - 1);
    }
    return builder.addPathSegments("api/v2/alerts").build();
  }

  @Override
  public String name() {
    return "alertmanager";
  }

  @Override
  public String target() {
    return base.describe();
  }

  /** Alertmanager pages; notices do not. */
  @Override
  public boolean takesNotices() {
    return false;
  }

  @Override
  public Duration minInterval() {
    return minInterval;
  }

  @Override
  public byte[] render(Message message) {
    AlertMessage sent = (AlertMessage) message; // takesNotices() is false: alerts only
    Alert alert = sent.alert();
    String key = condition(alert) + (sent.sample() ? "/test" : "");
    Posted before = alert.kind().closesIncident() ? firing.remove(key) : firing.get(key);
    Map<String, String> labels = before != null ? before.labels() : labels(alert, sent.sample());
    Instant startsAt = before != null ? before.startsAt() : alert.at();
    Instant endsAt = null;
    if (alert.kind().closesIncident()) {
      endsAt = alert.at().isBefore(startsAt) ? startsAt : alert.at();
    }
    Posted posted = new Posted(labels, annotations(alert), startsAt, endsAt);
    if (endsAt == null) {
      firing.put(key, posted);
    }
    return json(List.of(posted));
  }

  /** The firing alerts, once a minute while idle; nothing when none fires. */
  @Override
  public byte[] refresh(Instant now) {
    if (firing.isEmpty()) {
      lastRefresh = null;
      return null;
    }
    if (lastRefresh == null) {
      lastRefresh = now;
      return null;
    }
    if (Duration.between(lastRefresh, now).compareTo(REFRESH_EVERY) < 0) {
      return null;
    }
    lastRefresh = now;
    return json(new ArrayList<>(firing.values()));
  }

  @Override
  public Attempt post(byte[] body) {
    return http.post(endpoint, headers, body);
  }

  @Override
  public String redact(String text) {
    return base.redact(text);
  }

  @Override
  public void cancel() {
    http.cancel();
  }

  @Override
  public String toString() {
    return "AlertmanagerNotifier[" + target() + "]";
  }

  /** Failover and recovery are one condition, as are an error rate and its resolution. */
  private static String condition(Alert alert) {
    return alert instanceof PoolAlert ? "pool" : "error_rate";
  }

  private Map<String, String> labels(Alert alert, boolean sample) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (alert instanceof PoolAlert pool) {
      labels.put("alertname", "BlueGreenFailover");
      // the primary: the pool a failover left, the pool a recovery came back to
      labels.put("pool", pool.kind() == AlertKind.RECOVERY ? pool.to() : pool.from());
      labels.put("severity", "warning");
    } else {
      labels.put("alertname", "BlueGreenErrorRate");
      labels.put("severity", "critical");
    }
    labels.put("instance", instance);
    if (sample) {
      labels.put("test", "true"); // test-alert's samples never resolve a real alert
    }
    return labels;
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
    }
    annotations.put("log", alert.where().toString());
    return annotations;
  }

  private static byte[] json(List<Posted> alerts) {
    try {
      return MAPPER.writeValueAsBytes(alerts.stream().map(Posted::toMap).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert map of plain values always serializes", e);
    }
  }
}
