package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WATCHER_LOG_FORMAT (--watcher-log-format) was LOG_FORMAT (--log-format): the old names keep
 * working for one release, with one warning, and the new name wins when both are set.
 */
class WatcherLogFormatTest {
  private static final List<Setting> READ = List.of(Setting.WATCHER_LOG_FORMAT);

  @Test
  void theNewNameIsReadWithoutAWarning() {
    Settings settings = settings(Map.of(), Map.of("WATCHER_LOG_FORMAT", "json"));

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isTrue();
    assertThat(settings.deprecations(READ)).isEmpty();
  }

  @Test
  void nothingSetIsTextWithoutAWarning() {
    Settings settings = settings(Map.of(), Map.of());

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isFalse();
    assertThat(settings.deprecations(READ)).isEmpty();
  }

  @Test
  void theOldVariableStillWorksWithOneWarningNamingTheNewOne() {
    Settings settings = settings(Map.of(), Map.of("LOG_FORMAT", "json"));

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isTrue();
    assertThat(settings.deprecations(READ))
        .containsExactly(
            "LOG_FORMAT is deprecated and goes in the next release: use WATCHER_LOG_FORMAT"
                + " instead");
  }

  @Test
  void theOldFlagStillWorksWithOneWarningNamingTheNewOne() {
    Settings settings =
        settings(Map.of("LOG_FORMAT", new Settings.Flag("--log-format", "json")), Map.of());

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isTrue();
    assertThat(settings.deprecations(READ))
        .containsExactly(
            "--log-format is deprecated and goes in the next release: use --watcher-log-format"
                + " instead");
  }

  @Test
  void theNewVariableWinsOverTheOldAndTheWarningSaysSo() {
    Settings settings =
        settings(Map.of(), Map.of("WATCHER_LOG_FORMAT", "text", "LOG_FORMAT", "json"));

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isFalse();
    assertThat(settings.deprecations(READ))
        .singleElement()
        .asString()
        .startsWith("LOG_FORMAT is deprecated")
        .endsWith("; ignored: WATCHER_LOG_FORMAT is set too and wins");
  }

  @Test
  void theNewFlagWinsOverTheOldFlag() {
    Settings settings =
        settings(
            Map.of(
                "WATCHER_LOG_FORMAT", new Settings.Flag("--watcher-log-format", "json"),
                "LOG_FORMAT", new Settings.Flag("--log-format", "text")),
            Map.of());

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isTrue();
    assertThat(settings.deprecations(READ))
        .singleElement()
        .asString()
        .endsWith("; ignored: --watcher-log-format is set too and wins");
  }

  @Test
  void aFlagStillBeatsTheEnvironmentEvenUnderItsOldName() {
    Settings settings =
        settings(
            Map.of("LOG_FORMAT", new Settings.Flag("--log-format", "json")),
            Map.of("WATCHER_LOG_FORMAT", "text"));

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isTrue();
    assertThat(settings.deprecations(READ)).singleElement().asString().doesNotContain("ignored");
  }

  @Test
  void aBadValueUnderTheOldNameIsReportedUnderTheOldName() {
    assertThatThrownBy(
            () -> LiveConfig.load(settings(Map.of(), Map.of("LOG_FORMAT", "yaml")), false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("invalid LOG_FORMAT 'yaml' (set in the environment): must be text or json");
  }

  @Test
  void theOldFlagAndVariableTogetherGiveOneWarning() {
    Settings settings =
        settings(
            Map.of("LOG_FORMAT", new Settings.Flag("--log-format", "json")),
            Map.of("LOG_FORMAT", "text"));

    assertThat(LiveConfig.load(settings, false).jsonLogs()).isTrue();
    assertThat(settings.deprecations(READ))
        .containsExactly(
            "--log-format and LOG_FORMAT are deprecated and go in the next release: use"
                + " --watcher-log-format and WATCHER_LOG_FORMAT instead");
  }

  @Test
  void settingsThatWereNeverRenamedGiveNoWarning() {
    Settings settings = settings(Map.of(), Map.of("LOG_FORMAT", "json"));

    assertThat(settings.deprecations(List.of(Setting.WINDOW_SIZE, Setting.LOG_PATH))).isEmpty();
  }

  private static Settings settings(Map<String, Settings.Flag> flags, Map<String, String> env) {
    return new Settings(flags, env);
  }
}
