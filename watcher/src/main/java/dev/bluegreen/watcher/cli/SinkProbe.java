package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.detect.Alert;
import dev.bluegreen.watcher.doctor.Check;
import dev.bluegreen.watcher.doctor.SinkCheck;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The doctor's look at the alert sinks: a test alert through each, or with --no-send a GET. */
final class SinkProbe {
  private SinkProbe() {}

  static List<Check> check(
      DeliveryConfig config, boolean noSend, int timeoutSeconds, List<Alert> samples)
      throws InterruptedException {
    if (!config.hasSink()) {
      return List.of(SinkCheck.none());
    }
    Map<String, SecretUrl> urls = new LinkedHashMap<>();
    if (config.slackWebhook() != null) {
      urls.put("slack", config.slackWebhook());
    }
    if (config.alertWebhook() != null) {
      urls.put("webhook", config.alertWebhook());
    }
    if (config.alertmanager() != null) {
      urls.put("alertmanager", config.alertmanager());
    }
    if (!noSend) {
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      TestAlertCommand.Sent sent =
          TestAlertCommand.send(config, samples, nowhere, timeoutSeconds, sinks -> {});
      return SinkCheck.sent(List.copyOf(urls.keySet()), sent.receipts());
    }
    OkHttpClient client = JsonPost.client(config.requestTimeout());
    List<Check> checks = new ArrayList<>();
    urls.forEach(
        (sink, url) -> {
          Request get = new Request.Builder().url(url.reveal()).get().build();
          try (Response response = client.newCall(get).execute()) {
            checks.add(SinkCheck.answered(sink, url.describe(), response.code()));
          } catch (IOException e) {
            checks.add(
                SinkCheck.noAnswer(sink, url.describe(), config.redactor().apply(e.toString())));
          }
        });
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    return checks;
  }
}
