package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** watcher run refuses bad settings before it starts anything (running it is tested elsewhere). */
class RunCommandTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "HTTP_PORT, 99999",
    "HTTP_PORT, web",
    "LOG_FORMAT, yaml",
    "WATCHER_LOG_FORMAT, yaml",
    "WINDOW_SIZE, 0",
  })
  void aBadSettingStopsRunWithOneLineNamingIt(String name, String value) {
    Cli.Result result = Cli.run(Map.of(name, value), "run", "--log", "/nonexistent/access.log");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("watcher: invalid " + name + " '" + value + "'");
  }

  @ParameterizedTest(name = "{0} yaml")
  @CsvSource({
    "--watcher-log-format, WATCHER_LOG_FORMAT",
    "--log-format, LOG_FORMAT",
  })
  void theWatchersLogFormatFlagWorksUnderItsNewAndItsOldName(String flag, String name) {
    Cli.Result result = Cli.run(Map.of(), "run", "--log", "/nonexistent/access.log", flag, "yaml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "watcher: invalid " + name + " 'yaml' (set by " + flag + "): must be text or json");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"run", "ctl"})
  void helpDescribesTheCommand(String command) {
    Cli.Result result = Cli.run(Map.of(), command, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: watcher " + command);
  }
}
