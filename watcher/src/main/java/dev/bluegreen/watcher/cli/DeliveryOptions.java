package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.Settings;
import dev.bluegreen.watcher.notify.DeliveryConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where alerts go: the settings of every command that delivers them. Values stay text here; {@link
 * DeliveryConfig#load} validates them. No secret is ever shown as a default in {@code --help}.
 */
final class DeliveryOptions {

  @Option(
      names = "--slack-webhook-url",
      paramLabel = "URL",
      description = {
        "Slack incoming webhook (https://hooks.slack.com/services/...). It is a credential: prefer"
            + " the environment, a flag shows in ps. Env SLACK_WEBHOOK_URL; unset, alerts are"
            + " printed to stdout (dry run)."
      })
  String slackWebhookUrl;

  @Option(
      names = "--alert-webhook-url",
      paramLabel = "URL",
      description =
          "Also POST each alert as JSON (the object 'replay --format json' prints) to this URL."
              + " Env ALERT_WEBHOOK_URL; unset by default.")
  String alertWebhookUrl;

  @Option(
      names = "--alertmanager-url",
      paramLabel = "URL",
      description =
          "Also send alerts to Prometheus Alertmanager at this base URL (e.g. http://am:9093),"
              + " via POST /api/v2/alerts. Env ALERTMANAGER_URL; unset by default.")
  String alertmanagerUrl;

  @Option(
      names = "--instance",
      paramLabel = "NAME",
      description =
          "The name of the watched Nginx in messages and Alertmanager's instance label; watchers"
              + " of one Nginx should share it. Env WATCHER_INSTANCE, default this host's name.")
  String instance;

  @Option(
      names = "--alert-queue-capacity",
      paramLabel = "N",
      description =
          "Messages each sink queues before dropping the oldest (recoveries last)."
              + " Env ALERT_QUEUE_CAPACITY, default 100.")
  String queueCapacity;

  /**
   * Validates the flags over the environment; throws InvalidSettingException naming the setting.
   */
  DeliveryConfig toConfig(Map<String, String> env) {
    Map<String, Settings.Flag> flags = new HashMap<>();
    flags.put("SLACK_WEBHOOK_URL", new Settings.Flag("--slack-webhook-url", slackWebhookUrl));
    flags.put("ALERT_WEBHOOK_URL", new Settings.Flag("--alert-webhook-url", alertWebhookUrl));
    flags.put("ALERTMANAGER_URL", new Settings.Flag("--alertmanager-url", alertmanagerUrl));
    flags.put("WATCHER_INSTANCE", new Settings.Flag("--instance", instance));
    flags.put("ALERT_QUEUE_CAPACITY", new Settings.Flag("--alert-queue-capacity", queueCapacity));
    return DeliveryConfig.load(new Settings(flags, env));
  }
}
