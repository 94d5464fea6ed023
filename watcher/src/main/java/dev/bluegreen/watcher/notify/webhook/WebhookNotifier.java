package dev.bluegreen.watcher.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bluegreen.watcher.notify.AlertJson;
import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.Attempt;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.Notifier;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;

/**
 * Posts each alert to a generic JSON webhook: the body is the object {@code replay --format json}
 * prints ({@link AlertJson}), plus {@code "test": true} for {@code test-alert}'s samples. Notices
 * are {@code {"kind":"notice","notice":"maintenance_on",...}}.
 */
public final class WebhookNotifier implements Notifier {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SecretUrl url;
  private final JsonPost http;
  private final Duration minInterval;

  public WebhookNotifier(SecretUrl url, JsonPost http, Duration minInterval) {
    this.url = url;
    this.http = http;
    this.minInterval = minInterval;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public String target() {
    return url.describe();
  }

  @Override
  public boolean takesNotices() {
    return true;
  }

  @Override
  public Duration minInterval() {
    return minInterval;
  }

  @Override
  public byte[] render(Message message) {
    Map<String, Object> body;
    if (message instanceof AlertMessage alert) {
      body = AlertJson.toMap(alert.alert());
      if (alert.sample()) {
        body.put("test", true);
      }
    } else {
      body = toMap((Notice) message);
    }
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a message map of plain values always serializes", e);
    }
  }

  static Map<String, Object> toMap(Notice notice) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", "notice");
    map.put("notice", notice.kind().wireName());
    map.put("at", notice.at().toString());
    map.put("title", notice.title());
    map.put("detail", notice.detail());
    if (notice instanceof Notice.PlannedSwitch planned) {
      map.put("from", planned.from());
      map.put("to", planned.to());
    }
    return map;
  }

  @Override
  public Attempt post(byte[] body) {
    return http.post(url.reveal(), Headers.of(), body);
  }

  @Override
  public String redact(String text) {
    return url.redact(text);
  }

  @Override
  public void cancel() {
    http.cancel();
  }

  @Override
  public String toString() {
    return "WebhookNotifier[" + target() + "]";
  }
}
