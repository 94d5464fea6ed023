package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.Setting;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WatcherCommandTest {

  @Test
  void helpListsTheCommandsAndTheEnvironmentRule() {
    Cli.Result result = Cli.run(Map.of(), "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: watcher", "replay", "environment variable");
  }

  @Test
  void replayHelpNamesEverySettingWithItsEnvironmentVariableAndDefault() {
    Cli.Result result = Cli.run(Map.of(), "replay", "--help");

    assertThat(result.exitCode()).isZero();
    String unwrapped = result.out().replaceAll("\\s+", " ");
    assertThat(unwrapped)
        .contains("--nginx-log-format", "NGINX_LOG_FORMAT")
        .contains("--window-size", "WINDOW_SIZE, default 200")
        .contains("--error-rate-threshold", "ERROR_RATE_THRESHOLD, default 2")
        .contains("--min-requests", "MIN_REQUESTS, default 50")
        .contains("--alert-cooldown-sec", "ALERT_COOLDOWN_SEC, default 300")
        .contains("--active-pool", "ACTIVE_POOL, default blue")
        .contains("--maintenance", "MAINTENANCE_MODE, default false")
        .contains("--format");
  }

  static Stream<Arguments> commandsAndTheirSettings() {
    return Stream.of(
        Arguments.of("run", List.of(Setting.values())),
        Arguments.of("replay", Setting.of(Setting.Group.DETECTION)),
        Arguments.of("test-alert", Setting.of(Setting.Group.DELIVERY)),
        Arguments.of(
            "ctl",
            List.of(
                Setting.HTTP_PORT,
                Setting.ADMIN_TOKEN,
                Setting.ADMIN_TOKEN_FILE,
                Setting.STATE_FILE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandsAndTheirSettings")
  void helpShowsEachOfTheCommandsSettingsWithItsVariableAndDefault(
      String command, List<Setting> settings) {
    Cli.Result result = Cli.run(Map.of(), command, "--help");

    assertThat(result.exitCode()).isZero();
    String unwrapped = result.out().replaceAll("\\s+", " ");
    for (Setting setting : Setting.values()) {
      String option =
          setting.flag()
              + (setting.isSwitch()
                  ? "[=" + setting.paramLabel() + "]"
                  : "=" + setting.paramLabel());
      if (settings.contains(setting)) {
        assertThat(unwrapped)
            .contains(option)
            .contains(
                "Env " + setting.name() + ", default " + setting.defaultValue().shown() + ".");
      } else {
        assertThat(unwrapped).doesNotContain(option);
      }
    }
  }

  @Test
  void runHelpShowsTheOldNameOfTheWatchersLogFormatAsDeprecated() {
    Cli.Result result = Cli.run(Map.of(), "run", "--help");

    assertThat(result.out().replaceAll("\\s+", " "))
        .contains("--log-format=text|json Deprecated: use --watcher-log-format (env LOG_FORMAT:");
  }

  @Test
  void versionNamesTheProgram() {
    Cli.Result result = Cli.run(Map.of(), "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("watcher ").doesNotContain("unknown");
  }

  @Test
  void runIsTheDefaultCommand() {
    assertThat(WatcherCommand.withDefaultCommand(new String[] {})).containsExactly("run");
    assertThat(WatcherCommand.withDefaultCommand(new String[] {"--log", "x.log"}))
        .containsExactly("run", "--log", "x.log");
    assertThat(WatcherCommand.withDefaultCommand(new String[] {"replay", "x.log"}))
        .containsExactly("replay", "x.log");
    assertThat(WatcherCommand.withDefaultCommand(new String[] {"--help"}))
        .containsExactly("--help");
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithoutAStackTrace() {
    Cli.Result result = Cli.run(Map.of(), "replay", "--no-such-flag", "x.log");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--no-such-flag").doesNotContain("at dev.bluegreen");
  }
}
