package dev.bluegreen.watcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.DeliverySettingsTest;
import org.junit.jupiter.api.Test;

class SecretUrlTest {
  private final SecretUrl slack = SecretUrl.parse(DeliverySettingsTest.SLACK);

  @Test
  void describesOnlySchemeAndHost() {
    assertThat(slack.describe()).isEqualTo("https://hooks.slack.com/***");
    assertThat(SecretUrl.parse("http://127.0.0.1:9093/x").describe())
        .isEqualTo("http://127.0.0.1:9093/***");
  }

  @Test
  void redactsTheUrlAndEachTokenLikePart() {
    String text =
        "posting to "
            + DeliverySettingsTest.SLACK
            + " failed; path /services/T0ABCDEF1/B0ABCDEF2/"
            + DeliverySettingsTest.TOKEN
            + "; token "
            + DeliverySettingsTest.TOKEN
            + "; team T0ABCDEF1; no_service";

    assertThat(slack.redact(text))
        .doesNotContain(
            DeliverySettingsTest.TOKEN, "T0ABCDEF1", "B0ABCDEF2", "hooks.slack.com/services")
        .contains("no_service");
  }

  @Test
  void masksEveryUrlInFreeText() {
    assertThat(
            SecretUrl.maskUrls(
                "Unmatched argument at index 1: '"
                    + DeliverySettingsTest.SLACK
                    + "' and http://u:p@h:1/a?b"))
        .isEqualTo(
            "Unmatched argument at index 1: 'https://hooks.slack.com/***' and http://h:1/***");
  }
}
