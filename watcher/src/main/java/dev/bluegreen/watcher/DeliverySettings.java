package dev.bluegreen.watcher;

import static dev.bluegreen.watcher.Setting.ALERTMANAGER_URL;
import static dev.bluegreen.watcher.Setting.ALERT_QUEUE_CAPACITY;
import static dev.bluegreen.watcher.Setting.ALERT_WEBHOOK_URL;
import static dev.bluegreen.watcher.Setting.SLACK_WEBHOOK_URL;
import static dev.bluegreen.watcher.Setting.WATCHER_INSTANCE;
import static dev.bluegreen.watcher.notify.DeliveryConfig.DEFAULT_QUEUE_CAPACITY;
import static dev.bluegreen.watcher.notify.DeliveryConfig.MAX_QUEUE_CAPACITY;
import static dev.bluegreen.watcher.notify.DeliveryConfig.builder;

import dev.bluegreen.watcher.notify.DeliveryConfig;
import dev.bluegreen.watcher.notify.SecretUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Reads a {@link DeliveryConfig} from the settings, like {@link WatcherConfig#load} and {@link
 * LiveConfig#load} for theirs; kept beside them so that notify/ knows nothing of settings.
 */
public final class DeliverySettings {
  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,99}");

  private DeliverySettings() {}

  /** Reads and validates the delivery settings; a bad one throws, naming it but not a secret. */
  public static DeliveryConfig load(Settings settings) {
    SecretUrl slack = url(settings, SLACK_WEBHOOK_URL, true);
    SecretUrl webhook = url(settings, ALERT_WEBHOOK_URL, false);
    SecretUrl alertmanager = url(settings, ALERTMANAGER_URL, false);
    String instance =
        settings.text(WATCHER_INSTANCE, localHostName(settings.environment("HOSTNAME")));
    instance = instance.strip();
    if (!INSTANCE.matcher(instance).matches()) {
      throw settings.invalid(
          WATCHER_INSTANCE,
          instance,
          "must be a name such as web-1 or nginx.example.com (letters, digits, _ . : @ / -; up"
              + " to 100)");
    }
    int capacity =
        settings.integer(ALERT_QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY, 1, MAX_QUEUE_CAPACITY);
    return builder()
        .slackWebhook(slack)
        .alertWebhook(webhook)
        .alertmanager(alertmanager)
        .instance(instance)
        .queueCapacity(capacity)
        .build();
  }

  /**
   * A sink URL: http or https ({@code httpsOnly}: https, or http to this machine for tests and
   * local relays). The error never repeats the value, only its host: it is a credential.
   */
  private static SecretUrl url(Settings settings, Setting setting, boolean httpsOnly) {
    String raw = settings.raw(setting);
    if (raw == null) {
      return null;
    }
    SecretUrl url = SecretUrl.parse(raw);
    if (url == null) {
      throw settings.invalidSecret(
          setting, httpsOnly ? "is not an https:// URL" : "is not an http:// or https:// URL");
    }
    if (httpsOnly && !url.isHttps() && !url.isLoopback()) {
      throw settings.invalidSecret(
          setting,
          "is not an https:// URL (host "
              + url.host()
              + "); a webhook must not travel in clear text");
    }
    return url;
  }

  /**
   * This machine's name: {@code $HOSTNAME} (set by Docker), else the resolver's; {@code watcher} if
   * it has none.
   */
  static String localHostName(String fromEnv) {
    if (fromEnv != null && INSTANCE.matcher(fromEnv).matches()) {
      return fromEnv;
    }
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return INSTANCE.matcher(name).matches() ? name : "watcher";
    } catch (UnknownHostException e) {
      return "watcher";
    }
  }
}
