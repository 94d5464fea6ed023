package dev.bluegreen.watcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bluegreen.watcher.TestJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayCommandTest {
  private static final String FAILOVER_LOG = Cli.RESOURCES + "replay/failover-and-recovery.log";

  @TempDir Path tmp;

  private static List<String> kinds(Cli.Result result) {
    return result.outLines().stream()
        .map(line -> TestJson.read(line).get("kind").asText())
        .toList();
  }

  @Test
  void jsonLinesCarryEveryDocumentedField() {
    Cli.Result result = Cli.run(Map.of(), "replay", "--format", "json", FAILOVER_LOG);

    JsonNode failover = TestJson.read(result.outLines().get(0));
    assertThat(failover.fieldNames())
        .toIterable()
        .contains("kind", "file", "line", "at", "from", "to", "release");
    JsonNode errorRate = TestJson.read(result.outLines().get(1));
    assertThat(errorRate.fieldNames())
        .toIterable()
        .contains("kind", "file", "line", "at", "rate", "errors", "requests");
    assertThat(errorRate.get("at").asText()).isEqualTo("2026-11-01T10:01:11Z");
  }

  @Test
  void textFormatIsOneReadableLinePerAlertAndTheSummaryGoesToStderr() {
    Cli.Result result = Cli.run(Map.of(), "replay", FAILOVER_LOG);

    assertThat(result.exitCode()).isZero();
    assertThat(result.outLines())
        .containsExactly(
            "2026-11-01T10:00:50Z  warning   FAILOVER  traffic moved from blue to green"
                + " (release v1.0.0-green)  why: blue: 1 of 60 attempts failed (502 x1) at"
                + " 10.0.0.2:3000, request_id req-0101  ["
                + FAILOVER_LOG
                + ":101]",
            "2026-11-01T10:01:11Z  warning   ERROR RATE  2.11% of the last 142 requests failed"
                + " (0 seen by clients, 3 hidden by retries; threshold 2%)  why: blue: 3 of 20"
                + " attempts failed (504 x2, 502 x1) at 10.0.0.2:3000, request_id req-0142  ["
                + FAILOVER_LOG
                + ":142]",
            "2026-11-01T10:01:40Z  warning   RECOVERY  traffic is back on blue from green"
                + " (release v1.0.0-blue)  ["
                + FAILOVER_LOG
                + ":201]",
            "2026-11-01T10:02:52Z  warning   RESOLVED  error rate back down: 1% of the last 200 requests"
                + " failed (2 seen by clients, 0 hidden by retries; threshold 2%)  ["
                + FAILOVER_LOG
                + ":345]");
    assertThat(result.err())
        .contains("400 lines from 1 file, 400 requests, 0 malformed, 4 alerts")
        .contains("lines/s");
  }

  @Test
  void readsStandardInputAndGzippedRotatedLogsInTheOrderGiven() throws IOException {
    byte[] log = Files.readAllBytes(Path.of(FAILOVER_LOG));
    Path gz = tmp.resolve("access.log.1.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(log, 0, indexOfLine(log, 201));
    }
    byte[] rest = Arrays.copyOfRange(log, indexOfLine(log, 201), log.length);

    Cli.Result result =
        Cli.run(
            Map.of(),
            new ByteArrayInputStream(rest),
            "replay",
            "--format",
            "json",
            gz.toString(),
            "-");

    assertThat(kinds(result))
        .containsExactly("failover", "error_rate", "recovery", "error_rate_resolved");
    JsonNode recovery = TestJson.read(result.outLines().get(2));
    assertThat(recovery.get("file").asText()).isEqualTo("-");
    assertThat(recovery.get("line").asInt()).isEqualTo(1);
    assertThat(result.err()).contains("400 lines from 2 files");
  }

  /** Byte offset where 1-based line {@code n} starts. */
  private static int indexOfLine(byte[] log, int n) {
    int line = 1;
    for (int i = 0; i < log.length; i++) {
      if (line == n) {
        return i;
      }
      if (log[i] == '\n') {
        line++;
      }
    }
    return log.length;
  }

  @Test
  void aFlagBeatsTheEnvironment() {
    Cli.Result fromEnv =
        Cli.run(Map.of("ACTIVE_POOL", "green"), "replay", "--format", "json", FAILOVER_LOG);
    Cli.Result fromFlag =
        Cli.run(
            Map.of("ACTIVE_POOL", "green"),
            "replay",
            "--format",
            "json",
            "--active-pool",
            "blue",
            FAILOVER_LOG);

    assertThat(kinds(fromEnv)).startsWith("failover").contains("recovery");
    assertThat(TestJson.read(fromEnv.outLines().get(0)).get("to").asText()).isEqualTo("blue");
    assertThat(kinds(fromFlag))
        .containsExactly("failover", "error_rate", "recovery", "error_rate_resolved");
  }

  @Test
  void maintenanceModeSuppressesAlertsAndSaysSoOnce() {
    Cli.Result result = Cli.run(Map.of("MAINTENANCE_MODE", "true"), "replay", FAILOVER_LOG);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .filteredOn(line -> line.contains("maintenance"))
        .containsExactly("watcher: maintenance mode is on: alerts are suppressed");
    assertThat(result.err()).contains("0 alerts");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "WINDOW_SIZE, abc",
    "WINDOW_SIZE, 0",
    "ERROR_RATE_THRESHOLD, 101",
    "ERROR_RATE_THRESHOLD, -0.5",
    "MIN_REQUESTS, x",
    "ALERT_COOLDOWN_SEC, -1",
    "MAINTENANCE_MODE, maybe",
    "ACTIVE_POOL, <!channel>",
  })
  void aBadSettingStopsWithOneLineNamingItAndExitStatus2(String name, String value) {
    Cli.Result result = Cli.run(Map.of(name, value), "replay", FAILOVER_LOG);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("watcher: invalid " + name + " '" + value + "'")
        .contains("set in the environment");
  }

  @Test
  void aBadFlagNamesTheFlag() {
    Cli.Result result = Cli.run(Map.of(), "replay", "--window-size", "-3", FAILOVER_LOG);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "watcher: invalid WINDOW_SIZE '-3' (set by --window-size):"
                + " must be a whole number from 1 to 1000000");
  }

  @Test
  void aLogFormatWithoutStatusIsRejectedAtStart() {
    Cli.Result result =
        Cli.run(
            Map.of(), "replay", "--nginx-log-format", "$remote_addr [$time_local]", FAILOVER_LOG);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("NGINX_LOG_FORMAT", "$status");
  }

  @Test
  void aMissingFileFailsBeforeReadingAnythingWithExitStatus1() {
    Cli.Result result =
        Cli.run(Map.of(), "replay", FAILOVER_LOG, tmp.resolve("nope.log").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly("watcher: cannot read " + tmp.resolve("nope.log") + ": no such file");
  }

  @Test
  void garbageIsCountedAsMalformedAndTheWrongFormatIsPointedOut() throws IOException {
    Path garbage = tmp.resolve("garbage.log");
    Files.write(garbage, new byte[] {'h', 'i', '\n', (byte) 0xC3, 0x28, '\n', 0, 1, 2, '\n'});

    Cli.Result result = Cli.run(Map.of(), "replay", garbage.toString());

    assertThat(result.exitCode()).as("no line matched: failed").isEqualTo(1);
    assertThat(result.err())
        .contains("3 lines from 1 file, 0 requests, 3 malformed, 0 alerts")
        .contains("first malformed line " + garbage + ":1:")
        .contains("no line matched the log format")
        .doesNotContain("Exception");
  }

  @Test
  void aLogWithoutPoolsWarnsThatFailoversCannotBeSeen() {
    Cli.Result result =
        Cli.run(Map.of(), "replay", "--nginx-log-format", "combined-like $status", FAILOVER_LOG);

    assertThat(result.err()).contains("failovers cannot be seen");
  }

  @Test
  void anEmptyLogIsNotAFormatErrorAndExits0() throws IOException {
    Path empty = Files.createFile(tmp.resolve("empty.log"));

    Cli.Result result = Cli.run(Map.of(), "replay", empty.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .contains("0 lines from 1 file, 0 requests, 0 malformed, 0 alerts")
        .doesNotContain("no line matched");
  }

  @Test
  void oneMatchingLineAmongGarbageIsEnoughToExit0() throws IOException {
    Path log = tmp.resolve("mixed.log");
    List<String> story = Files.readAllLines(Path.of(FAILOVER_LOG));
    Files.write(log, List.of("garbage", story.get(0)));

    Cli.Result result = Cli.run(Map.of(), "replay", log.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).contains("2 lines from 1 file, 1 requests, 1 malformed");
  }

  @Test
  void helpDocumentsTheExitStatusOfAReplayWhereNoLineMatched() {
    Cli.Result result = Cli.run(Map.of(), "replay", "--help");

    assertThat(result.out().replaceAll("\\s+", " "))
        .contains("Exit status: 0 done (an empty log too")
        .contains("1 a log could not be read or none of its lines matched the log format");
  }

  @Test
  void theNameCombinedReadsNginxsPredefinedFormatAndSaysFailoversCannotBeSeen() throws IOException {
    Path log = tmp.resolve("combined.log");
    String ok =
        "10.0.0.1 - - [01/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8\"";
    String failed =
        "10.0.0.1 - - [01/Nov/2026:10:00:01 +0000] \"GET / HTTP/1.1\" 502 157 \"-\" \"curl/8\"";
    Files.write(log, List.of(ok, failed, ok));

    Cli.Result result =
        Cli.run(Map.of(), "replay", "--nginx-log-format", "combined", log.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .contains("failovers cannot be seen")
        .contains("3 lines from 1 file, 3 requests, 0 malformed");
  }

  @Test
  void mainIsRefusedWithTheWayToGiveItsDefinition() {
    Cli.Result result = Cli.run(Map.of(), "replay", "--nginx-log-format", "main", FAILOVER_LOG);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'main' is not a format Nginx predefines");
  }
}
