package dev.bluegreen.watcher.notify;

import dev.bluegreen.watcher.notify.alertmanager.AlertmanagerNotifier;
import dev.bluegreen.watcher.notify.slack.SlackNotifier;
import dev.bluegreen.watcher.notify.webhook.WebhookNotifier;
import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The sinks a {@link DeliveryConfig} names, in order: Slack (or the console, the dry run, when no
 * Slack webhook is set), the generic webhook, Alertmanager. They share one HTTP client (one
 * connection pool); each has its own {@link JsonPost}, so stopping one never cancels another's
 * request.
 */
final class Sinks {
  private Sinks() {}

  /**
   * @param out where the console prints (stdout)
   * @param redact removes every configured secret: a sink's answer could echo another's URL
   * @param timing the clock of the sinks' requests
   */
  static List<Notifier> of(
      DeliveryConfig config, PrintWriter out, UnaryOperator<String> redact, Timing timing) {
    List<Notifier> notifiers = new ArrayList<>();
    if (!config.hasSink()) {
      notifiers.add(new ConsoleNotifier(out));
      return notifiers;
    }
    OkHttpClient client = JsonPost.client(config.requestTimeout());
    Supplier<JsonPost> http = () -> new JsonPost(client, config.requestTimeout(), redact, timing);
    if (config.slackWebhook() != null) {
      notifiers.add(
          new SlackNotifier(
              config.slackWebhook(), config.instance(), http.get(), config.minInterval()));
    } else {
      notifiers.add(new ConsoleNotifier(out));
    }
    if (config.alertWebhook() != null) {
      notifiers.add(new WebhookNotifier(config.alertWebhook(), http.get(), config.minInterval()));
    }
    if (config.alertmanager() != null) {
      notifiers.add(
          new AlertmanagerNotifier(
              config.alertmanager(), config.instance(), http.get(), config.minInterval()));
    }
    return notifiers;
  }
}
