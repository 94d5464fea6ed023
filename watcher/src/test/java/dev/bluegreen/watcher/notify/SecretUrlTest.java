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

  @Test
  void takesTheHostsOkHttpTakesAndNothingElse() {
    assertThat(SecretUrl.parse("http://app_blue:8081/hook").host()).isEqualTo("app_blue");
    assertThat(SecretUrl.parse(" HTTPS://Hooks.Slack.com/services/T1 ").describe())
        .isEqualTo("https://hooks.slack.com/***");
    assertThat(SecretUrl.parse("http://[::1]:9093/").isLoopback()).isTrue();
    assertThat(SecretUrl.parse("http://[::1]:9093/").reveal().host()).isEqualTo("::1");
    assertThat(SecretUrl.parse("http://app_blue:8081/hook").reveal().host()).isEqualTo("app_blue");
    for (String bad :
        new String[] {
          "ftp://host/x", "http:///x", "http://exa mple.com/x", "http://host:0/x",
          "http://host:70000/x", "http://ex%61mple.com/x", "hooks.slack.com/services/T1", ""
        }) {
      assertThat(SecretUrl.parse(bad)).as(bad).isNull();
    }
  }

  @Test
  void aTokenInThePathQueryOrPasswordIsRedacted() {
    SecretUrl url =
        SecretUrl.parse("https://user:s3cretPass@relay.example/T0KEN12/x?sig=Abc123xyz");

    assertThat(url.redact("failed: s3cretPass T0KEN12 sig=Abc123xyz"))
        .isEqualTo("failed: *** *** ***");
  }
}
