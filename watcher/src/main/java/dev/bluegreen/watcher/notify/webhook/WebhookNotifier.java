package dev.bluegreen.watcher.notify.webhook;

import dev.bluegreen.watcher.notify.AlertJson;
import dev.bluegreen.watcher.notify.AlertMessage;
import dev.bluegreen.watcher.notify.HttpSink;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Message;
import dev.bluegreen.watcher.notify.Notice;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts each alert to a generic JSON webhook: the body is the object {@code replay --format json}
 * prints ({@link AlertJson}), plus {@code "test": true} for {@code test-alert}'s samples. Notices
 * are {@code {"kind":"notice","notice":"maintenance_on",...}}.
 */
public final class WebhookNotifier extends HttpSink {

  public WebhookNotifier(SecretUrl url, JsonPost http, Duration minInterval) {
    super("webhook", url, http, minInterval);
  }

  @Override
  public byte[] render(Message message) {
    if (message instanceof AlertMessage alert) {
      Map<String, Object> body = AlertJson.toMap(alert.alert());
      if (alert.sample()) {
        body.put("test", true);
      }
      return json(body);
    }
    return json(toMap((Notice) message)); // Message is sealed: the only other kind
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
}
