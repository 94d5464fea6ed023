package dev.bluegreen.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bluegreen.watcher.parse.LogFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WatcherConfigTest {

  private static final String SETTING_FLAG_PREFIX = "--";

  // ---- defaults and sources -------------------------------------------------------------------

  @Test
  void defaultsWhenNothingIsSet() {
    WatcherConfig config = load(Map.of(), Map.of());

    assertThat(config.windowSize()).isEqualTo(200);
    assertThat(config.errorRateThreshold()).isEqualTo(2.0);
    assertThat(config.minRequests()).isEqualTo(50);
    assertThat(config.alertCooldown()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.activePool()).isEqualTo("blue");
    assertThat(config.maintenance()).isFalse();
    assertThat(config.logFormat().text()).isEqualTo(LogFormat.SANDBOX);
    assertThat(config.parseThreads())
        .isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 4));
  }

  @Test
  void environmentValuesAreUsed() {
    WatcherConfig config =
        load(
            Map.of(),
            Map.of(
                "WINDOW_SIZE", "500",
                "ERROR_RATE_THRESHOLD", "5.5",
                "MIN_REQUESTS", "20",
                "ALERT_COOLDOWN_SEC", "60",
                "ACTIVE_POOL", "green",
                "MAINTENANCE_MODE", "true",
                "PARSE_THREADS", "1",
                "NGINX_LOG_FORMAT", LogFormat.COMBINED));

    assertThat(config.windowSize()).isEqualTo(500);
    assertThat(config.errorRateThreshold()).isEqualTo(5.5);
    assertThat(config.minRequests()).isEqualTo(20);
    assertThat(config.alertCooldown()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.activePool()).isEqualTo("green");
    assertThat(config.maintenance()).isTrue();
    assertThat(config.parseThreads()).isEqualTo(1);
    assertThat(config.logFormat().text()).isEqualTo(LogFormat.COMBINED);
  }

  @Test
  void flagBeatsEnvironment() {
    WatcherConfig config =
        load(
            Map.of(
                "WINDOW_SIZE", new Settings.Flag("--window-size", "100"),
                "ACTIVE_POOL", new Settings.Flag("--active-pool", "green")),
            Map.of("WINDOW_SIZE", "300", "ACTIVE_POOL", "blue", "MIN_REQUESTS", "10"));

    assertThat(config.windowSize()).isEqualTo(100);
    assertThat(config.activePool()).isEqualTo("green");
    assertThat(config.minRequests()).isEqualTo(10);
  }

  @Test
  void flagWithoutValueLeavesTheEnvironmentValue() {
    WatcherConfig config =
        load(
            Map.of("WINDOW_SIZE", new Settings.Flag("--window-size", null)),
            Map.of("WINDOW_SIZE", "300"));

    assertThat(config.windowSize()).isEqualTo(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "  \n"})
  void blankEnvironmentValueCountsAsUnset(String blank) {
    Map<String, String> env = new HashMap<>();
    for (String name :
        new String[] {
          "WINDOW_SIZE",
          "ERROR_RATE_THRESHOLD",
          "MIN_REQUESTS",
          "ALERT_COOLDOWN_SEC",
          "ACTIVE_POOL",
          "MAINTENANCE_MODE",
          "NGINX_LOG_FORMAT"
        }) {
      env.put(name, blank);
    }

    // LogFormat has no equals: compare field by field
    assertThat(load(Map.of(), env)).usingRecursiveComparison().isEqualTo(load(Map.of(), Map.of()));
  }

  @Test
  void valuesAreTrimmed() {
    WatcherConfig config =
        load(
            Map.of(),
            Map.of(
                "WINDOW_SIZE", " 300 ",
                "ERROR_RATE_THRESHOLD", " 2.5\n",
                "ACTIVE_POOL", " green ",
                "MAINTENANCE_MODE", " yes "));

    assertThat(config.windowSize()).isEqualTo(300);
    assertThat(config.errorRateThreshold()).isEqualTo(2.5);
    assertThat(config.activePool()).isEqualTo("green");
    assertThat(config.maintenance()).isTrue();
  }

  @Test
  void smallWindowWithoutMinRequestsJudgesOnceTheWindowIsFull() {
    // MIN_REQUESTS was never set, so its default must not make a valid WINDOW_SIZE fail
    WatcherConfig config = load(Map.of(), Map.of("WINDOW_SIZE", "10"));

    assertThat(config.windowSize()).isEqualTo(10);
    assertThat(config.minRequests()).isEqualTo(10);
  }

  @Test
  void minRequestsEqualToWindowSizeIsAccepted() {
    WatcherConfig config = load(Map.of(), Map.of("WINDOW_SIZE", "30", "MIN_REQUESTS", "30"));

    assertThat(config.minRequests()).isEqualTo(30);
  }

  @Test
  void limitsAreAccepted() {
    WatcherConfig low =
        load(Map.of(), Map.of("WINDOW_SIZE", "1", "MIN_REQUESTS", "1", "ALERT_COOLDOWN_SEC", "0"));
    WatcherConfig high =
        load(
            Map.of(),
            Map.of(
                "WINDOW_SIZE",
                Integer.toString(WatcherConfig.MAX_WINDOW_SIZE),
                "ALERT_COOLDOWN_SEC",
                Integer.toString(7 * 24 * 3600)));

    assertThat(low.windowSize()).isEqualTo(1);
    assertThat(low.alertCooldown()).isEqualTo(Duration.ZERO);
    assertThat(high.windowSize()).isEqualTo(WatcherConfig.MAX_WINDOW_SIZE);
    assertThat(high.alertCooldown()).isEqualTo(Duration.ofDays(7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "100", "2.5", "0.0", "100.0", "0.5"})
  void thresholdSpellingsAccepted(String value) {
    WatcherConfig config = load(Map.of(), Map.of("ERROR_RATE_THRESHOLD", value));

    assertThat(config.errorRateThreshold()).isEqualTo(Double.parseDouble(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True", "yes", "YES", "Yes", "on", "ON", "On", "1"})
  void maintenanceOnSpellings(String value) {
    assertThat(load(Map.of(), Map.of("MAINTENANCE_MODE", value)).maintenance()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE", "False", "no", "NO", "No", "off", "OFF", "Off", "0"})
  void maintenanceOffSpellings(String value) {
    assertThat(load(Map.of(), Map.of("MAINTENANCE_MODE", value)).maintenance()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"blue", "green", "Blue-2", "pool_a", "v1.2", "0"})
  void poolNamesAccepted(String pool) {
    assertThat(load(Map.of(), Map.of("ACTIVE_POOL", pool)).activePool()).isEqualTo(pool);
  }

  @Test
  void wholeLogFormatDirectiveIsAccepted() {
    String directive =
        "log_format main '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
            + "                '$status $body_bytes_sent';";

    WatcherConfig config = load(Map.of(), Map.of("NGINX_LOG_FORMAT", directive));

    assertThat(config.logFormat().text())
        .isEqualTo(
            "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent");
  }

  // ---- invalid values -------------------------------------------------------------------------

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("WINDOW_SIZE", "abc"),
        Arguments.of("WINDOW_SIZE", "0"),
        Arguments.of("WINDOW_SIZE", "-5"),
        Arguments.of("WINDOW_SIZE", "1.5"),
        Arguments.of("WINDOW_SIZE", "99999999999"),
        Arguments.of("WINDOW_SIZE", "1000001"),
        Arguments.of("ERROR_RATE_THRESHOLD", "-1"),
        Arguments.of("ERROR_RATE_THRESHOLD", "101"),
        Arguments.of("ERROR_RATE_THRESHOLD", "100.01"),
        Arguments.of("ERROR_RATE_THRESHOLD", "abc"),
        Arguments.of("ERROR_RATE_THRESHOLD", "NaN"),
        Arguments.of("ERROR_RATE_THRESHOLD", "Infinity"),
        Arguments.of("ERROR_RATE_THRESHOLD", "-Infinity"),
        Arguments.of("ERROR_RATE_THRESHOLD", "2%"),
        Arguments.of("MIN_REQUESTS", "x"),
        Arguments.of("MIN_REQUESTS", "0"),
        Arguments.of("MIN_REQUESTS", "201"),
        Arguments.of("ALERT_COOLDOWN_SEC", "-1"),
        Arguments.of("ALERT_COOLDOWN_SEC", "abc"),
        Arguments.of("ALERT_COOLDOWN_SEC", "604801"),
        Arguments.of("ACTIVE_POOL", "blue green"),
        Arguments.of("ACTIVE_POOL", "<!channel>"),
        Arguments.of("ACTIVE_POOL", "-blue"),
        Arguments.of("MAINTENANCE_MODE", "maybe"),
        Arguments.of("MAINTENANCE_MODE", "2"),
        Arguments.of("PARSE_THREADS", "0"),
        Arguments.of("PARSE_THREADS", "5"),
        Arguments.of("PARSE_THREADS", "all"),
        Arguments.of("NGINX_LOG_FORMAT", "$remote_addr - [$time_local] \"$request\""),
        Arguments.of("NGINX_LOG_FORMAT", "no variables at all"));
  }

  @ParameterizedTest(name = "{0}={1} in the environment")
  @MethodSource("invalidValues")
  void invalidEnvironmentValueIsOneLineNamingSettingValueAndOrigin(String name, String value) {
    assertThatThrownBy(() -> load(Map.of(), Map.of(name, value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(value)
        .hasMessageContaining("set in the environment")
        .satisfies(e -> assertOneLine(e.getMessage()));
  }

  @ParameterizedTest(name = "{0}={1} by flag")
  @MethodSource("invalidValues")
  void invalidFlagValueIsOneLineNamingSettingValueAndFlag(String name, String value) {
    String flag = SETTING_FLAG_PREFIX + name.toLowerCase().replace('_', '-');
    // the environment holds a good value, which the bad flag overrides
    Map<String, String> env = Map.of(name, goodValue(name));

    assertThatThrownBy(() -> load(Map.of(name, new Settings.Flag(flag, value)), env))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(value)
        .hasMessageContaining("set by " + flag)
        .hasMessageNotContaining("environment")
        .satisfies(e -> assertOneLine(e.getMessage()));
  }

  @Test
  void windowSizeMessageReadsWell() {
    assertThatThrownBy(
            () -> load(Map.of("WINDOW_SIZE", new Settings.Flag("--window-size", "abc")), Map.of()))
        .hasMessage(
            "invalid WINDOW_SIZE 'abc' (set by --window-size): must be a whole number from 1 to"
                + " 1000000");
  }

  @Test
  void minRequestsLargerThanWindowSizeBlamesMinRequests() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of("WINDOW_SIZE", new Settings.Flag("--window-size", "100")),
                    Map.of("MIN_REQUESTS", "150")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("invalid MIN_REQUESTS '150' (set in the environment)")
        .hasMessageContaining("WINDOW_SIZE (100)")
        .satisfies(e -> assertOneLine(e.getMessage()));
  }

  @Test
  void multiLineLogFormatWithoutStatusGivesAOneLineMessage() {
    // as pasted from nginx.conf, e.g. --nginx-log-format "$(grep -A3 'log_format main' ...)"
    String directive =
        "log_format main '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
            + "                '$body_bytes_sent \"$http_referer\"';";

    assertThatThrownBy(() -> load(Map.of(), Map.of("NGINX_LOG_FORMAT", directive)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("NGINX_LOG_FORMAT")
        .hasMessageContaining("$status")
        .hasMessageContaining("set in the environment")
        .satisfies(e -> assertOneLine(e.getMessage()));
  }

  @Test
  void valueWithALineBreakGivesAOneLineMessage() {
    assertThatThrownBy(() -> load(Map.of(), Map.of("ACTIVE_POOL", "blue\ngreen")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("ACTIVE_POOL")
        .hasMessageContaining("blue")
        .hasMessageContaining("green")
        .satisfies(e -> assertOneLine(e.getMessage()));
    assertThatThrownBy(() -> load(Map.of(), Map.of("WINDOW_SIZE", "1\r\n0")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("WINDOW_SIZE")
        .satisfies(e -> assertOneLine(e.getMessage()));
  }

  @Test
  void longLogFormatIsAbbreviatedInTheMessage() {
    String longFormat = "$remote_addr " + "x".repeat(500) + " [$time_local]";

    assertThatThrownBy(() -> load(Map.of(), Map.of("NGINX_LOG_FORMAT", longFormat)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("NGINX_LOG_FORMAT")
        .hasMessageContaining("...")
        .satisfies(e -> assertOneLine(e.getMessage()));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static WatcherConfig load(Map<String, Settings.Flag> flags, Map<String, String> env) {
    return WatcherConfig.load(new Settings(flags, env));
  }

  private static String goodValue(String name) {
    return switch (name) {
      case "WINDOW_SIZE" -> "300";
      case "ERROR_RATE_THRESHOLD" -> "3";
      case "MIN_REQUESTS" -> "40";
      case "ALERT_COOLDOWN_SEC" -> "60";
      case "FLAP_SETTLE_SEC" -> "10";
      case "ACTIVE_POOL" -> "green";
      case "MAINTENANCE_MODE" -> "on";
      case "PARSE_THREADS" -> "2";
      case "NGINX_LOG_FORMAT" -> LogFormat.COMBINED;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static void assertOneLine(String message) {
    assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("\r");
  }
}
