package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.watcher.notify.DeliveryConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class DeliverySettingsTest {
  public static final String TOKEN = "xoxTOKEN0123456789abcdef";
  public static final String SLACK =
      "https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/" + TOKEN;

  private static DeliveryConfig load(Map<String, String> env) {
    return DeliverySettings.load(new Settings(Map.of(), env));
  }

  @Test
  void nothingSetMeansNoSinkAndDefaults() {
    DeliveryConfig config = load(Map.of("HOSTNAME", "web-1"));

    assertThat(config.hasSink()).isFalse();
    assertThat(config.instance()).isEqualTo("web-1");
    assertThat(config.queueCapacity()).isEqualTo(DeliveryConfig.DEFAULT_QUEUE_CAPACITY);
    assertThat(config.minInterval()).hasSeconds(1);
    assertThat(config.drainTimeout()).hasSeconds(10);
  }

  @Test
  void everySinkCanBeSetTogether() {
    DeliveryConfig config =
        load(
            Map.of(
                "SLACK_WEBHOOK_URL", SLACK,
                "ALERT_WEBHOOK_URL", "https://hooks.example.com/alerts?token=abcdef123",
                "ALERTMANAGER_URL", "http://alertmanager:9093",
                "WATCHER_INSTANCE", "edge-eu-1",
                "ALERT_QUEUE_CAPACITY", "20"));

    assertThat(config.slackWebhook().reveal().toString()).isEqualTo(SLACK);
    assertThat(config.alertWebhook().host()).isEqualTo("hooks.example.com");
    assertThat(config.alertmanager().host()).isEqualTo("alertmanager");
    assertThat(config.instance()).isEqualTo("edge-eu-1");
    assertThat(config.queueCapacity()).isEqualTo(20);
  }

  @Test
  void aFlagBeatsTheEnvironment() {
    Settings settings =
        new Settings(
            Map.of("WATCHER_INSTANCE", new Settings.Flag("--instance", "from-flag")),
            Map.of("WATCHER_INSTANCE", "from-env"));

    assertThat(DeliverySettings.load(settings).instance()).isEqualTo("from-flag");
  }

  @Test
  void aPlainHttpSlackWebhookIsRefusedWithoutRepeatingIt() {
    String clear = SLACK.replace("https:", "http:");

    assertThatThrownBy(() -> load(Map.of("SLACK_WEBHOOK_URL", clear)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "invalid SLACK_WEBHOOK_URL (set in the environment): is not an https:// URL (host"
                + " hooks.slack.com); a webhook must not travel in clear text")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void somethingThatIsNoUrlIsRefusedWithoutRepeatingIt() {
    Settings settings =
        new Settings(
            Map.of("SLACK_WEBHOOK_URL", new Settings.Flag("--slack-webhook-url", TOKEN)), Map.of());

    assertThatThrownBy(() -> DeliverySettings.load(settings))
        .hasMessage(
            "invalid SLACK_WEBHOOK_URL (set by --slack-webhook-url): is not an https:// URL")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> load(Map.of("ALERT_WEBHOOK_URL", "ftp://x/" + TOKEN)))
        .hasMessageContaining("ALERT_WEBHOOK_URL")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void plainHttpToThisMachineIsAllowedForTestsAndLocalRelays() {
    assertThat(load(Map.of("SLACK_WEBHOOK_URL", "http://127.0.0.1:8099/hook")).slackWebhook())
        .isNotNull();
    assertThat(load(Map.of("SLACK_WEBHOOK_URL", "http://localhost/hook")).slackWebhook())
        .isNotNull();
  }

  @Test
  void badInstanceAndCapacityNameTheSetting() {
    assertThatThrownBy(() -> load(Map.of("WATCHER_INSTANCE", "<!channel>")))
        .hasMessageStartingWith("invalid WATCHER_INSTANCE '<!channel>' (set in the environment)");
    assertThatThrownBy(() -> load(Map.of("ALERT_QUEUE_CAPACITY", "0")))
        .hasMessage(
            "invalid ALERT_QUEUE_CAPACITY '0' (set in the environment): must be a whole number"
                + " from 1 to 100000");
  }

  @Test
  void toStringShowsNoSecret() {
    DeliveryConfig config =
        load(
            Map.of(
                "SLACK_WEBHOOK_URL",
                SLACK,
                "ALERT_WEBHOOK_URL",
                "https://user:pa55word1@hooks.example.com/x?token=" + TOKEN));

    assertThat(config.toString())
        .contains("https://hooks.slack.com/***", "https://hooks.example.com/***")
        .doesNotContain(TOKEN, "T0ABCDEF1", "B0ABCDEF2", "pa55word1");
  }
}
