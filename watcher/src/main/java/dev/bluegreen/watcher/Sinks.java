package dev.bluegreen.watcher;

import dev.bluegreen.watcher.notify.AlertDelivery;
import dev.bluegreen.watcher.notify.ConsoleNotifier;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.JsonPost;
import dev.bluegreen.watcher.notify.Notifier;
import dev.bluegreen.watcher.notify.Receipt;
import dev.bluegreen.watcher.notify.alertmanager.AlertmanagerNotifier;
import dev.bluegreen.watcher.notify.slack.SlackNotifier;
import dev.bluegreen.watcher.notify.webhook.WebhookNotifier;
import dev.bluegreen.watcher.time.Timing;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The sinks a {@link DeliveryConfig} names, in order: Slack (or the console, the dry run, when no
 * Slack webhook is set), the generic webhook, Alertmanager. They share one HTTP client (one
 * connection pool); each has its own {@link JsonPost}, so stopping one never cancels another's
 * request. Built here, beside the {@link Watcher}, so that notify/ (the delivery stage) knows none
 * of its integrations and they depend on it, never the other way round.
 */
public final class Sinks {
  private Sinks() {}

  /**
   * Starts delivery to every sink the config names, and logs once where alerts go.
   *
   * @param out where the dry run prints alerts (stdout), used when no Slack webhook is set
   */
  public static AlertDelivery start(DeliveryConfig config, PrintWriter out) {
    return start(config, out, Timing.SYSTEM, receipt -> {});
  }

  /**
   * As {@link #start(DeliveryConfig, PrintWriter)}, with the clock and sleeper ({@link
   * Timing#SYSTEM} outside tests) and an observer told what became of each message at each sink.
   */
  public static AlertDelivery start(
      DeliveryConfig config, PrintWriter out, Timing timing, Consumer<Receipt> receipts) {
    return AlertDelivery.start(
        config, of(config, out, config.redactor(), timing), timing, receipts);
  }

  /**
   * @param out where the console prints (stdout)
   * @param redact removes every configured secret: a sink's answer could echo another's URL
   * @param timing the clock of the sinks' requests
   */
  public static List<Notifier> of(
      DeliveryConfig config, PrintWriter out, UnaryOperator<String> redact, Timing timing) {
    List<Notifier> notifiers = new ArrayList<>();
    if (!config.hasSink()) {
      notifiers.add(new ConsoleNotifier(out));
      return notifiers;
    }
    Supplier<OkHttpClient> client = JsonPost.lazyClient(config.requestTimeout());
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
