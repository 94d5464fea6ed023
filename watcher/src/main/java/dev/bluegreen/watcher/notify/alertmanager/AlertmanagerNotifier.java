package dev.bluegreen.watcher.notify.alertmanager;

import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.HttpSink;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Posts alerts to Prometheus Alertmanager's v2 API ({@code POST /api/v2/alerts}). A failover and an
 * error-rate spike fire an alert with labels {@code alertname}, {@code pool} (the pool traffic
 * left; pool alerts only), {@code severity} and {@code instance}, and {@code startsAt} from the
 * log; the recovery or resolution posts the same labels and {@code startsAt} with {@code endsAt}
 * ({@link AlertmanagerAlert}). An error rate escalated from warning to critical ends the warning
 * alert and fires a critical one in the same post. Equal labels from several watchers of one Nginx
 * are one alert to an Alertmanager cluster. Firing alerts are re-posted every {@link
 * FiringAlerts#REFRESH_EVERY} while idle ({@link FiringAlerts}).
 */
public final class AlertmanagerNotifier extends HttpSink {
  private final String instance;
  private final FiringAlerts firing = new FiringAlerts();

  public AlertmanagerNotifier(
      SecretUrl base, String instance, JsonPost http, Duration minInterval) {
    super("alertmanager", base, http, minInterval);
    this.instance = instance;
  }

  @Override
  protected Target target(HttpUrl base) {
    return new Target(endpoint(base), basicAuth(base));
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

  /** The URL's user info ({@code http://user:pass@am:9093}) as basic auth, else no header. */
  private static Headers basicAuth(HttpUrl base) {
    return base.username().isEmpty()
        ? Headers.of()
        : Headers.of("Authorization", Credentials.basic(base.username(), base.password()));
  }

  /** Alertmanager pages; notices do not. */
  @Override
  public boolean takesNotices() {
    return false;
  }

  /**
   * The alert as Alertmanager takes it; a firing one is remembered for the refresh, an ended one
   * forgotten. Called once per alert, in queue order, so a recovery finds its failover.
   */
  @Override
  public byte[] render(Message message) {
    AlertMessage alert = (AlertMessage) message; // takesNotices() is false: alerts only
    String condition = AlertmanagerAlert.condition(alert);
    List<AlertmanagerAlert> posts = AlertmanagerAlert.posts(alert, firing.get(condition), instance);
    posts.forEach(posted -> firing.posted(condition, posted));
    return body(posts);
  }

  @Override
  public boolean refreshes() {
    return true;
  }

  /** The firing alerts, once a minute while idle; nothing when none fires. */
  @Override
  public byte[] refresh(Instant now) {
    List<AlertmanagerAlert> due = firing.dueForRefresh(now);
    return due.isEmpty() ? null : body(due);
  }

  private static byte[] body(List<AlertmanagerAlert> alerts) {
    return json(alerts.stream().map(AlertmanagerAlert::toMap).toList());
  }
}
