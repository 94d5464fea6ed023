package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
