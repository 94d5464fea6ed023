package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogFormatTest {

  static Stream<Arguments> acceptedSpellings() {
    return Stream.of(
        Arguments.of("bare format string", "$remote_addr [$time_local] $status", false),
        Arguments.of(
            "whole directive with a name",
            "log_format main '$remote_addr [$time_local] $status';",
            false),
        Arguments.of(
            "directive without the trailing semicolon",
            "log_format main '$remote_addr [$time_local] $status'",
            false),
        Arguments.of(
            "name and quoted string, no log_format keyword",
            "main '$remote_addr [$time_local] $status'",
            false),
        Arguments.of(
            "only the quoted strings, several parts",
            "'$remote_addr ' '[$time_local] ' '$status'",
            false),
        Arguments.of(
            "only the quoted strings with the trailing semicolon",
            "'$remote_addr [$time_local] $status';",
            false),
        Arguments.of(
            "parts on several lines, indented with tabs and spaces",
            "log_format main\n\t'$remote_addr '\n        '[$time_local] '\n\t\t'$status';\n",
            false),
        Arguments.of(
            "double-quoted part", "log_format main \"$remote_addr [$time_local] $status\";", false),
        Arguments.of(
            "surrounding whitespace",
            "   log_format main '$remote_addr [$time_local] $status';   ",
            false),
        Arguments.of(
            "escape=default",
            "log_format main escape=default '$remote_addr [$time_local] $status';",
            false),
        Arguments.of(
            "escape=none",
            "log_format main escape=none '$remote_addr [$time_local] $status';",
            false),
        Arguments.of(
            "escape=json",
            "log_format main escape=json '$remote_addr [$time_local] $status';",
            true),
        Arguments.of(
            "name and escape=json, no log_format keyword",
            "main escape=json '$remote_addr [$time_local] $status'",
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedSpellings")
  void compilesEverySpellingOfTheSameFormat(String description, String spelling, boolean json) {
    LogFormat format = LogFormat.compile(spelling);

    assertThat(format.text()).isEqualTo("$remote_addr [$time_local] $status");
    assertThat(format.jsonEscaped()).isEqualTo(json);
    AccessEvent event =
        Lines.parseEvent(new LineParser(format), "172.19.0.1 [31/Oct/2025:15:53:00 +0000] 404");
    assertThat(event.status()).isEqualTo(404);
  }

  @Test
  void concatenatesTheQuotedPartsOfTheRealBlueGreenDirective() {
    LogFormat format = LogFormat.compile(Lines.BLUE_GREEN_DIRECTIVE);

    assertThat(format.text())
        .isEqualTo(
            "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
                + " pool:$upstream_http_x_app_pool release:$upstream_http_x_release_id"
                + " upstream_status:$upstream_status upstream:$upstream_addr"
                + " request_time:$request_time upstream_response_time:$upstream_response_time");
  }

  @Test
  void resolvesBackslashEscapesInsideDoubleQuotedParts() {
    LogFormat format =
        LogFormat.compile("log_format main \"$remote_addr \\\"$request\\\" \" \"$status\";");

    assertThat(format.text()).isEqualTo("$remote_addr \"$request\" $status");
  }

  @Test
  void resolvesEscapedSingleQuoteAndBackslashInsideSingleQuotedParts() {
    LogFormat format = LogFormat.compile("log_format main 'a\\'b \\\\ $status';");

    assertThat(format.text()).isEqualTo("a'b \\ $status");
  }

  @Test
  void keepsDoubleQuotesInsideSingleQuotedParts() {
    LogFormat format = LogFormat.compile("log_format main '\"$request\" $status';");

    assertThat(format.text()).isEqualTo("\"$request\" $status");
  }

  @Test
  void readsBracedVariableNamesThatTouchTheFollowingText() {
    LogFormat format = LogFormat.compile("log_format main '${remote_addr}:${status}ms';");
    LineParser parser = new LineParser(format);

    AccessEvent event = Lines.parseEvent(parser, "10.0.0.1:503ms");

    assertThat(event.status()).isEqualTo(503);
  }

  @Test
  void readsTheJsonFormatAsADirectiveWithEscapeJson() {
    LogFormat format =
        LogFormat.compile(
            "log_format j escape=json '{\"time\":\"$time_iso8601\",\"status\":$status}';");

    assertThat(format.jsonEscaped()).isTrue();
    assertThat(format.text()).isEqualTo("{\"time\":\"$time_iso8601\",\"status\":$status}");
  }

  @Test
  void acceptsAFixedWidthVariableFollowedDirectlyByAnother() {
    LineParser parser = new LineParser(LogFormat.compile("'$time_local$status'"));

    AccessEvent event = Lines.parseEvent(parser, "31/Oct/2025:15:53:00 +0000502");

    assertThat(event.status()).isEqualTo(502);
    assertThat(event.epochMillis())
        .isEqualTo(Lines.epochMillisOfTimeLocal("31/Oct/2025:15:53:00 +0000"));
  }

  @Test
  void treatsADollarWithoutANameAsLiteralText() {
    LineParser parser = new LineParser(LogFormat.compile("'cost $ $status $'"));

    assertThat(Lines.parseEvent(parser, "cost $ 200 $").status()).isEqualTo(200);
  }

  @Test
  void toStringIsTheFormatText() {
    LogFormat format = LogFormat.compile("log_format main '$status $request_time';");

    assertThat(format).hasToString("$status $request_time");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``                                                | the log format is empty",
        "`   `                                             | the log format is empty",
        "`\t\n`                                            | the log format is empty",
        "plain text without variables                      | has no $variables",
        "log_format main;                                  | has no $variables",
        "log_format main '';                               | has no $variables",
        "$remote_addr [$time_local] $request_time          | has no $status",
        "log_format main '$remote_addr $body_bytes_sent';  | has no $status",
        "$remote_addr$status                               | $remote_addr is followed directly by"
            + " another variable",
        "'$status$request_time $remote_addr'               | $status is followed directly by"
            + " another variable",
        "'$status ${upstream_addr}${request_time}'         | $upstream_addr is followed directly"
            + " by another variable",
        "log_format main '$remote_addr $status;            | unclosed ' in the log format",
        "log_format main \"$remote_addr $status;           | unclosed \" in the log format",
        "log_format main '$status' '$remote_addr;          | unclosed ' in the log format",
        "log_format main escape=yaml '$status';            | unknown escape=yaml",
        "log_format main escape= '$status';                | unknown escape=",
        "log_format main '$status' $request_time;          | unquoted text '$request_time' after"
            + " the format strings",
        "'$status ${request_time'                          | unclosed ${",
      })
  void rejectsABadFormatWithAMessageNamingTheProblem(String directive, String message) {
    assertThatThrownBy(() -> LogFormat.compile(directive))
        .isInstanceOf(LogFormatException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"combined", "  combined\n"})
  void theNameCombinedMeansNginxsPredefinedFormat(String name) {
    LogFormat format = LogFormat.compile(name);

    assertThat(format.text()).isEqualTo(LogFormat.COMBINED);
    assertThat(format.hasPool()).isFalse();
    assertThat(format.hasTime()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"main", "Combined", "custom_1"})
  void aNameNginxDoesNotPredefineAsksForItsDefinition(String name) {
    assertThatThrownBy(() -> LogFormat.compile(name))
        .isInstanceOf(LogFormatException.class)
        .hasMessage(
            "'"
                + name
                + "' is not a format Nginx predefines (only combined is); give its definition"
                + " from nginx.conf instead: log_format "
                + name
                + " '...';");
  }

  @Test
  void rejectsANullFormat() {
    assertThatThrownBy(() -> LogFormat.compile(null))
        .isInstanceOf(LogFormatException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void theMissingStatusMessageQuotesTheFormat() {
    assertThatThrownBy(() -> LogFormat.compile("log_format main '$remote_addr $request_time';"))
        .hasMessageContaining("'$remote_addr $request_time'");
  }

  @Test
  void theUnknownEscapeMessageListsWhatNginxKnows() {
    assertThatThrownBy(() -> LogFormat.compile("log_format main escape=xml '$status';"))
        .hasMessageContaining("default, json, none");
  }

  @ParameterizedTest(name = "[{index}] {0} -> pool {1}, time {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$status $upstream_http_x_app_pool                              | true  | false",
        "$status $sent_http_x_app_pool                                  | true  | false",
        "$status $upstream_http_x_release_id $upstream_addr             | false | false",
        "$msec $status                                                  | false | true",
        "[$time_local] $status                                          | false | true",
        "{\"time\":\"$time_iso8601\",\"status\":$status}                | false | true",
        "$status                                                        | false | false",
      })
  void reportsWhetherTheFormatLogsThePoolAndATime(String text, boolean pool, boolean time) {
    LogFormat format = LogFormat.compile(text);

    assertThat(format.hasPool()).as("hasPool").isEqualTo(pool);
    assertThat(format.hasTime()).as("hasTime").isEqualTo(time);
  }

  @Test
  void theBuiltInSandboxFormatLogsPoolAndTime() {
    LogFormat format = LogFormat.compile(LogFormat.SANDBOX);

    assertThat(format.hasPool()).isTrue();
    assertThat(format.hasTime()).isTrue();
    assertThat(format.text()).isEqualTo(LogFormat.SANDBOX);
  }

  @Test
  void theBuiltInCombinedFormatLogsTimeButNoPool() {
    LogFormat format = LogFormat.compile(LogFormat.COMBINED);

    assertThat(format.hasPool()).isFalse();
    assertThat(format.hasTime()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"$STATUS", "${Status}"})
  void readsVariableNamesCaseInsensitivelyAsNginxDoes(String status) {
    LineParser parser = new LineParser(LogFormat.compile("'" + status + " x'"));

    assertThat(Lines.parseEvent(parser, "200 x").status()).isEqualTo(200);
  }
}
