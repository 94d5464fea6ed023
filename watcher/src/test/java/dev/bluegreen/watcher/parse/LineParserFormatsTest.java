package dev.bluegreen.watcher.parse;

import static dev.bluegreen.watcher.parse.Lines.epochMillisOfTimeLocal;
import static dev.bluegreen.watcher.parse.Lines.parseEvent;
import static dev.bluegreen.watcher.parse.Lines.parseMalformed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser on formats other than the sandbox's: combined, key:value, JSON, $msec, others. */
class LineParserFormatsTest {

  @Nested
  class Combined {
    private final LineParser parser = new LineParser(LogFormat.compile(LogFormat.COMBINED));

    @Test
    void readsStatusAndTimeOfACombinedLine() {
      String line =
          "127.0.0.1 - - [31/Oct/2025:13:30:00 +0000] \"GET /error HTTP/1.1\" 500 123 \"-\""
              + " \"curl/7.68.0\"";

      assertThat(parseEvent(parser, line))
          .isEqualTo(
              new AccessEvent(
                  epochMillisOfTimeLocal("31/Oct/2025:13:30:00 +0000"),
                  500,
                  null,
                  null,
                  null,
                  0,
                  0,
                  -1));
    }

    @Test
    void readsRefererAndUserAgentWithSpacesAndEscapedQuotes() {
      String line =
          "203.0.113.9 - bob [01/Nov/2025:08:00:01 -0700] \"POST /api/v1/items?x=1 HTTP/2.0\" 201"
              + " 0 \"https://example.com/a b\" \"Mozilla/5.0 (X11; Linux x86_64)"
              + " \\x22quoted\\x22\"";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event.status()).isEqualTo(201);
      assertThat(event.epochMillis())
          .isEqualTo(epochMillisOfTimeLocal("01/Nov/2025:08:00:01 -0700"));
      assertThat(event.clientError()).isFalse();
    }

    @Test
    void rejectsTextAfterTheClosingQuoteOfTheUserAgent() {
      String line =
          "127.0.0.1 - - [31/Oct/2025:13:30:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\" x";

      assertThat(parseMalformed(parser, line).reason())
          .isEqualTo("expected '\"' after $http_user_agent");
    }
  }

  @Nested
  class KeyColon {
    private final LineParser parser = new LineParser(LogFormat.compile(Lines.BLUE_GREEN_DIRECTIVE));

    @Test
    void readsTheRealRetriedLine() {
      String line =
          "172.19.0.1 - - [31/Oct/2025:15:53:00 +0000] \"GET / HTTP/1.1\" 200 1247 pool:green"
              + " release:v1-green upstream_status:504, 200 upstream:172.19.0.3:3000,"
              + " 172.19.0.2:3000 request_time:0.514 upstream_response_time:0.501, 0.013";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event)
          .isEqualTo(
              new AccessEvent(
                  epochMillisOfTimeLocal("31/Oct/2025:15:53:00 +0000"),
                  200,
                  "green",
                  "v1-green",
                  "172.19.0.2:3000",
                  2,
                  1,
                  514,
                  null,
                  List.of(new FailedAttempt("172.19.0.3:3000", 504))));
      assertThat(event.hiddenError()).isTrue();
    }

    @Test
    void readsTheRealLineNginxAnsweredItself() {
      String line =
          "172.18.0.1 - - [31/Oct/2025:21:56:13 +0000] \"GET /fake-error HTTP/1.1\" 500 177"
              + " pool:-"
              + " release:- upstream_status:- upstream:- request_time:0.000"
              + " upstream_response_time:-";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event)
          .isEqualTo(
              new AccessEvent(
                  epochMillisOfTimeLocal("31/Oct/2025:21:56:13 +0000"),
                  500,
                  null,
                  null,
                  null,
                  0,
                  0,
                  0));
      assertThat(event.clientError()).isTrue();
    }

    @Test
    void readsARealScannerRequestRetriedIntoA404AsHiddenError() {
      String line =
          "172.202.117.220 - - [31/Oct/2025:18:56:42 +0000] \"GET /hudson HTTP/1.1\" 404 145"
              + " pool:green release:v1-green upstream_status:504, 404 upstream:172.18.0.2:3000,"
              + " 172.18.0.3:3000 request_time:0.502 upstream_response_time:0.500, 0.002";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event.status()).isEqualTo(404);
      assertThat(event.upstreamAddr()).isEqualTo("172.18.0.3:3000");
      assertThat(event.hiddenError()).isTrue();
      assertThat(event.clientError()).isFalse();
    }

    @Test
    void rejectsACombinedLineForItsMissingPool() {
      String line =
          "127.0.0.1 - - [31/Oct/2025:13:30:00 +0000] \"GET /error HTTP/1.1\" 500 123 \"-\""
              + " \"curl/7.68.0\"";

      assertThat(parseMalformed(parser, line).reason())
          .isEqualTo("expected ' pool:' after $body_bytes_sent");
    }
  }

  @Nested
  class Json {
    private final LineParser parser =
        new LineParser(
            LogFormat.compile(
                "log_format j escape=json '{\"time\":\"$time_iso8601\",\"status\":$status,"
                    + "\"pool\":\"$upstream_http_x_app_pool\","
                    + "\"release\":\"$upstream_http_x_release_id\","
                    + "\"upstream_status\":\"$upstream_status\","
                    + "\"upstream_addr\":\"$upstream_addr\",\"request_time\":$request_time}';"));

    private final LineParser withRequest =
        new LineParser(
            LogFormat.compile(
                "log_format j escape=json '{\"time\":\"$time_iso8601\","
                    + "\"remote_addr\":\"$remote_addr\",\"request\":\"$request\","
                    + "\"status\":$status,\"pool\":\"$upstream_http_x_app_pool\","
                    + "\"release\":\"$upstream_http_x_release_id\","
                    + "\"upstream_status\":\"$upstream_status\","
                    + "\"upstream_addr\":\"$upstream_addr\",\"request_time\":$request_time}';"));

    @Test
    void readsARetriedRequest() {
      String line =
          "{\"time\":\"2025-10-31T15:53:00+00:00\",\"status\":200,\"pool\":\"green\","
              + "\"release\":\"v1-green\",\"upstream_status\":\"504, 200\","
              + "\"upstream_addr\":\"172.19.0.3:3000, 172.19.0.2:3000\",\"request_time\":0.514}";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event)
          .isEqualTo(
              new AccessEvent(
                  epochMillisOfTimeLocal("31/Oct/2025:15:53:00 +0000"),
                  200,
                  "green",
                  "v1-green",
                  "172.19.0.2:3000",
                  2,
                  1,
                  514,
                  null,
                  List.of(new FailedAttempt("172.19.0.3:3000", 504))));
      assertThat(event.hiddenError()).isTrue();
    }

    @Test
    void readsEmptyStringsAsAbsent() {
      String line =
          "{\"time\":\"2025-10-31T15:53:00+00:00\",\"status\":500,\"pool\":\"\","
              + "\"release\":\"\",\"upstream_status\":\"\",\"upstream_addr\":\"\","
              + "\"request_time\":0.000}";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event.pool()).isNull();
      assertThat(event.release()).isNull();
      assertThat(event.upstreamAddr()).isNull();
      assertThat(event.upstreamAttempts()).isZero();
      assertThat(event.clientError()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {
          "2025-10-31T15:53:00+00:00",
          "2025-10-31T16:53:00+01:00",
          "2025-10-31T10:23:00-05:30",
          "2025-01-01T00:30:00+01:00",
          "2024-02-29T23:59:59-12:00",
        })
    void readsTimeIso8601InAnyOffsetAsJavaTimeDoes(String time) {
      String line =
          "{\"time\":\""
              + time
              + "\",\"status\":200,\"pool\":\"blue\",\"release\":\"v1\","
              + "\"upstream_status\":\"200\",\"upstream_addr\":\"a:1\",\"request_time\":0.001}";

      assertThat(parseEvent(parser, line).epochMillis())
          .isEqualTo(OffsetDateTime.parse(time).toInstant().toEpochMilli());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2025-02-30T15:53:00+00:00", "2025-10-31 15:53:00+00:00"})
    void rejectsAnImpossibleTimeIso8601(String time) {
      String line =
          "{\"time\":\""
              + time
              + "\",\"status\":200,\"pool\":\"blue\",\"release\":\"v1\","
              + "\"upstream_status\":\"200\",\"upstream_addr\":\"a:1\",\"request_time\":0.001}";

      assertThat(parseMalformed(parser, line).reason())
          .isEqualTo("the timestamp is not a valid time");
    }

    @Test
    void readsARequestPathWithEscapedQuotesAndBackslashes() {
      String line =
          "{\"time\":\"2025-10-31T15:53:00+00:00\",\"remote_addr\":\"10.0.0.1\","
              + "\"request\":\"GET /search?q=\\\"blue\\\",\\\"status\\\":500 \\\\ HTTP/1.1\","
              + "\"status\":200,\"pool\":\"blue\",\"release\":\"v1-blue\","
              + "\"upstream_status\":\"200\",\"upstream_addr\":\"10.0.0.2:3000\","
              + "\"request_time\":0.004}";

      AccessEvent event = parseEvent(withRequest, line);

      assertThat(event.status()).isEqualTo(200);
      assertThat(event.pool()).isEqualTo("blue");
      assertThat(event.upstreamAddr()).isEqualTo("10.0.0.2:3000");
    }

    @Test
    void unescapesAJsonEscapedRelease() {
      String line =
          "{\"time\":\"2025-10-31T15:53:00+00:00\",\"status\":200,\"pool\":\"blue\","
              + "\"release\":\"v1 \\\"beta\\\" \\\\ \\u00e9\",\"upstream_status\":\"200\","
              + "\"upstream_addr\":\"a:1\",\"request_time\":0.001}";

      assertThat(parseEvent(parser, line).release()).isEqualTo("v1 \"beta\" \\ é");
    }

    @Test
    void readsRawUtf8InAJsonLine() {
      String line =
          "{\"time\":\"2025-10-31T15:53:00+00:00\",\"remote_addr\":\"10.0.0.1\","
              + "\"request\":\"GET /caf\u00e9/\uD83D\uDE80/\u65E5\u672C HTTP/1.1\","
              + "\"status\":200,\"pool\":\"gr\u00fcn\",\"release\":\"v1-\uD83D\uDE80\","
              + "\"upstream_status\":\"200\",\"upstream_addr\":\"10.0.0.2:3000\","
              + "\"request_time\":0.004}";

      AccessEvent event = parseEvent(withRequest, line);

      assertThat(event.pool()).isEqualTo("gr\u00fcn");
      assertThat(event.release()).isEqualTo("v1-\uD83D\uDE80");
    }
  }

  /**
   * With {@code escape=json} Nginx writes a quote inside a value as {@code \"}; such a quote must
   * not end the value, or a client could forge fields by putting them in its request path.
   */
  @Nested
  class JsonEscapedQuotesInsideValues {

    @Test
    void anEscapedQuoteInTheRequestDoesNotEndIt() {
      LineParser parser =
          new LineParser(
              LogFormat.compile(
                  "log_format main escape=json"
                      + " '$remote_addr \"$request\" $status $upstream_http_x_app_pool';"));
      String line = "10.0.0.1 \"GET /x\\\" 500 HTTP/1.1\" 200 blue";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event.status()).isEqualTo(200);
      assertThat(event.pool()).isEqualTo("blue");
    }

    @Test
    void anEscapedQuoteInAJsonArrayDoesNotEndTheValue() {
      LineParser parser =
          new LineParser(
              LogFormat.compile(
                  "log_format arr escape=json"
                      + " '[\"$time_iso8601\",\"$request\",$status,"
                      + "\"$upstream_http_x_app_pool\",$request_time]';"));
      String line =
          "[\"2025-10-31T15:53:00+00:00\",\"GET /a\\\",b HTTP/1.1\",200,\"blue\\\\\",0.514]";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event.status()).isEqualTo(200);
      assertThat(event.pool()).isEqualTo("blue\\");
      assertThat(event.requestMillis()).isEqualTo(514);
    }

    @Test
    void aQuoteAfterAnEscapedBackslashDoesEndTheValue() {
      LineParser parser =
          new LineParser(
              LogFormat.compile(
                  "log_format main escape=json '\"$request\" $status \"$remote_user\" $msec';"));
      String line = "\"GET /dir\\\\\" 200 \"x\" 1761925980.123";

      AccessEvent event = parseEvent(parser, line);

      assertThat(event.status()).isEqualTo(200);
      assertThat(event.epochMillis()).isEqualTo(1_761_925_980_123L);
    }
  }

  @Nested
  class Msec {
    private final LineParser parser =
        new LineParser(
            LogFormat.compile(
                "log_format m '$msec $status $upstream_http_x_app_pool $upstream_status"
                    + " $request_time';"));

    @Test
    void readsMsecAsEpochMillis() {
      AccessEvent event = parseEvent(parser, "1761925980.123 200 blue 502, 200 0.514");

      assertThat(event)
          .isEqualTo(
              new AccessEvent(
                  1_761_925_980_123L,
                  200,
                  "blue",
                  null,
                  null,
                  2,
                  1,
                  514,
                  null,
                  List.of(new FailedAttempt(null, 502))));
    }

    @Test
    void readsMsecWithoutFraction() {
      assertThat(parseEvent(parser, "1761925980 200 blue 200 0.514").epochMillis())
          .isEqualTo(1_761_925_980_000L);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {"abc", "1761925980.12", "1761925980.1234", "1761925980,123", "-", ".123"})
    void rejectsABadMsec(String msec) {
      assertThat(parseMalformed(parser, msec + " 200 blue 200 0.514").reason())
          .isEqualTo("the timestamp is not a valid time");
    }
  }

  /**
   * A multi-value variable followed only by a space: Nginx's own {@code ", "} and {@code " : "}
   * separators must not end the value.
   */
  @Nested
  class SpaceSeparated {
    private final LineParser parser =
        new LineParser(
            LogFormat.compile("'$status $upstream_status $upstream_addr $request_time'"));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
        delimiter = '|',
        value = {
          // line | attempts | 5xx | last address | request ms
          "200 200 10.0.0.2:3000 0.004                                | 1 | 0 | 10.0.0.2:3000 | 4",
          "200 502, 200 a:1, b:1 0.514                                | 2 | 1 | b:1           | 514",
          "200 502, 200 : 200 a:1, b:1 : c:1 0.514                    | 3 | 1 | c:1           | 514",
          "200 502 : 200 a:1 : c:1 0.514                              | 2 | 1 | c:1           | 514",
          "200 502, 504 : 502, 200 a:1, b:1 : a:1, b:1 1.000          | 4 | 3 | b:1           | 1000",
          "500 - - 0.000                                              | 0 | 0 |               | 0",
        })
    void readsTheWholeMultiValueVariable(
        String line, int attempts, int upstream5xx, String lastAddr, int requestMillis) {
      AccessEvent event = parseEvent(parser, line);

      assertThat(event.upstreamAttempts()).as("attempts").isEqualTo(attempts);
      assertThat(event.upstream5xx()).as("5xx").isEqualTo(upstream5xx);
      assertThat(event.upstreamAddr()).as("last address").isEqualTo(lastAddr);
      assertThat(event.requestMillis()).as("request ms").isEqualTo(requestMillis);
    }

    @Test
    void hasNoTimeWhenTheFormatLogsNone() {
      AccessEvent event = parseEvent(parser, "200 200 10.0.0.2:3000 0.004");

      assertThat(event.hasTime()).isFalse();
      assertThat(event.epochMillis()).isEqualTo(AccessEvent.NO_TIME);
    }
  }

  @Nested
  class OtherSeparators {

    @Test
    void readsMultiValueVariablesSeparatedByBareCommas() {
      LineParser parser =
          new LineParser(
              LogFormat.compile("'$status,$upstream_status,$upstream_addr,$request_time'"));

      AccessEvent event = parseEvent(parser, "200,502, 200 : 200,a:1, b:1 : c:1,0.514");

      assertThat(event.upstreamAttempts()).isEqualTo(3);
      assertThat(event.upstreamAddr()).isEqualTo("c:1");
      assertThat(event.requestMillis()).isEqualTo(514);
    }

    @Test
    void readsTabSeparatedFields() {
      LineParser parser =
          new LineParser(LogFormat.compile("$status\t$upstream_status\t$upstream_addr"));

      AccessEvent event = parseEvent(parser, "200\t502, 200\ta:1, b:1");

      assertThat(event.upstreamAttempts()).isEqualTo(2);
      assertThat(event.upstreamAddr()).isEqualTo("b:1");
    }

    @Test
    void readsAFormatThatStartsWithLiteralText() {
      LineParser parser =
          new LineParser(LogFormat.compile("'nginx: [$time_local] $status $upstream_addr'"));

      AccessEvent event = parseEvent(parser, "nginx: [31/Oct/2025:15:53:00 +0000] 200 a:1");

      assertThat(event.status()).isEqualTo(200);
      assertThat(event.upstreamAddr()).isEqualTo("a:1");
    }

    @Test
    void rejectsALineWithoutTheFormatsLiteralPrefix() {
      LineParser parser =
          new LineParser(LogFormat.compile("'nginx: [$time_local] $status $upstream_addr'"));

      assertThat(parseMalformed(parser, "apache: [31/Oct/2025:15:53:00 +0000] 200 a:1").reason())
          .isEqualTo("does not start with 'nginx: ['");
    }

    @Test
    void readsAFormatEndingWithAFixedWidthTime() {
      LineParser parser = new LineParser(LogFormat.compile("'$status $time_local'"));

      AccessEvent event = parseEvent(parser, "200 31/Oct/2025:15:53:00 +0100");

      assertThat(event.epochMillis())
          .isEqualTo(epochMillisOfTimeLocal("31/Oct/2025:15:53:00 +0100"));
    }
  }
}
