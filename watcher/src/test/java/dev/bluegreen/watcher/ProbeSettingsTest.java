package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.watcher.probe.ProbeConfig;
import dev.bluegreen.watcher.probe.ProbeTarget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PROBE_URLS and PROBE_INTERVAL_SEC: read in order, a bad value stops the start in one line. */
class ProbeSettingsTest {
  private static ProbeConfig load(Map<String, String> env) {
    return LiveConfig.probes(new Settings(Map.of(), env));
  }

  @Test
  void unsetMeansNoProbes() {
    ProbeConfig probes = load(Map.of());

    assertThat(probes.enabled()).isFalse();
    assertThat(probes.interval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void poolsAndUrlsInTheirOrder() {
    ProbeConfig probes =
        load(
            Map.of(
                "PROBE_URLS",
                " green=http://green:3000/healthz , blue=https://10.0.0.2/up",
                "PROBE_INTERVAL_SEC",
                "5"));

    assertThat(probes.targets())
        .extracting(ProbeTarget::pool, t -> t.url().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("green", "http://green:3000/healthz"),
            org.assertj.core.groups.Tuple.tuple("blue", "https://10.0.0.2/up"));
    assertThat(probes.interval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aComposeServiceNameWithAnUnderscoreIsAHost() {
    // Compose names services app_blue; java.net.URI calls such an authority a registry, no host
    ProbeConfig probes =
        load(
            Map.of("PROBE_URLS", "blue=http://app_blue:8081/healthz,green=http://app_green:8082/"));

    assertThat(probes.targets())
        .extracting(t -> t.url().toString())
        .containsExactly("http://app_blue:8081/healthz", "http://app_green:8082/");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://green:3000/healthz | each item must be pool=url",
        "gr een=http://green/ | must be a pool name",
        "green=http://a/,green=http://b/ | pool 'green' is named twice",
        "green=ftp://green/ | must start with http:// or https://",
        "green=http:///healthz | has no host",
        "green=http://gr een/ | is no URL",
      })
  void aBadValueNamesTheSettingInOneLine(String value, String problem) {
    assertThatThrownBy(() -> load(Map.of("PROBE_URLS", value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("PROBE_URLS")
        .hasMessageContaining(problem)
        .message()
        .doesNotContain("\n");
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "abc", "3601"})
  void anIntervalBelowOneSecondOrNotANumberIsRefused(String value) {
    assertThatThrownBy(() -> load(Map.of("PROBE_INTERVAL_SEC", value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("PROBE_INTERVAL_SEC");
  }
}
