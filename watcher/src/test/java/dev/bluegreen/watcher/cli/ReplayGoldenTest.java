package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bluegreen.watcher.parse.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fixture log in, the alerts the watcher would have sent out, compared with an expected file that
 * was checked by hand (see src/test/resources/replay/README.md). Run with {@code
 * -Dgolden.update=true} to rewrite the expected files after a deliberate change, then review the
 * diff.
 */
class ReplayGoldenTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "replay/failover-and-recovery.log",
            "replay/failover-and-recovery.expected.jsonl",
            new String[] {}),
        Arguments.of(
            "replay/new-episode-in-cooldown.log",
            "replay/new-episode-in-cooldown.expected.jsonl",
            new String[] {}),
        Arguments.of(
            "replay/back-and-forth.log", "replay/back-and-forth.expected.jsonl", new String[] {}),
        Arguments.of("replay/flapping.log", "replay/flapping.expected.jsonl", new String[] {}),
        Arguments.of("replay/escalation.log", "replay/escalation.expected.jsonl", new String[] {}),
        Arguments.of(
            "fixtures/real-keycolon-access.log",
            "replay/real-keycolon-access.expected.jsonl",
            new String[] {"--nginx-log-format", Lines.BLUE_GREEN_DIRECTIVE}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replayPrintsExactlyTheExpectedAlerts(String log, String expected, String[] extraArgs)
      throws IOException {
    String[] args =
        Stream.concat(
                Stream.of("replay", "--format", "json"),
                Stream.concat(Stream.of(extraArgs), Stream.of(Cli.RESOURCES + log)))
            .toArray(String[]::new);

    Cli.Result result = Cli.run(Map.of(), args);

    assertThat(result.exitCode()).as(result.err()).isZero();
    Path golden = Path.of(Cli.RESOURCES, expected);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, result.out(), StandardCharsets.UTF_8);
    }
    assertThat(result.out()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
