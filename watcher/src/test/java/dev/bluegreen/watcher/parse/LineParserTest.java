package dev.bluegreen.watcher.parse;

import static dev.bluegreen.watcher.parse.Lines.epochMillisOfTimeLocal;
import static dev.bluegreen.watcher.parse.Lines.parseEvent;
import static dev.bluegreen.watcher.parse.Lines.parseMalformed;
import static dev.bluegreen.watcher.parse.Lines.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser on the sandbox's own format, {@link LogFormat#SANDBOX}. */
class LineParserTest {
  private static final String TIME = "31/Oct/2025:15:53:00 +0000";

  private final LineParser parser = new LineParser(LogFormat.compile(LogFormat.SANDBOX));

  @Test
  void readsASingleSuccessfulAttempt() {
    String line =
        "172.19.0.1 - - [31/Oct/2025:15:53:00 +0000] \"GET /version HTTP/1.1\" status=200"
            + " body_bytes=57 pool=blue release=v1-blue upstream_status=200"
            + " upstream_addr=172.19.0.2:3000 request_time=0.004 upstream_response_time=0.004"
            + " request_id=6a1b0c9d2e3f40516273849a5b6c7d8e";

    AccessEvent event = parseEvent(parser, line);

    assertThat(event)
        .isEqualTo(
            new AccessEvent(
                epochMillisOfTimeLocal(TIME), 200, "blue", "v1-blue", "172.19.0.2:3000", 1, 0, 4));
    assertThat(event.hasTime()).isTrue();
    assertThat(event.clientError()).isFalse();
    assertThat(event.hiddenError()).isFalse();
  }

  @Test
  void takesPoolReleaseAndAddressOfTheLastAttemptWhenNginxRetriedOnTheBackup() {
    String line =
        sandbox()
            .pool("green")
            .release("v1-green")
            .upstreamStatus("502, 200")
            .upstreamAddr("10.0.0.2:3000, 10.0.0.3:3000")
            .requestTime("0.514")
            .upstreamResponseTime("0.501, 0.013")
            .toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event)
        .isEqualTo(
            new AccessEvent(
                epochMillisOfTimeLocal(TIME),
                200,
                "green",
                "v1-green",
                "10.0.0.3:3000",
                2,
                1,
                514,
                "6a1b0c9d2e3f40516273849a5b6c7d8e",
                List.of(new FailedAttempt("10.0.0.2:3000", 502))));
    assertThat(event.clientError()).isFalse();
    assertThat(event.hiddenError()).isTrue();
  }

  @Test
  void readsTimedOutAttemptRetriedOnTheBackupAsHiddenError() {
    String line =
        sandbox()
            .pool("green")
            .release("v1-green")
            .upstreamStatus("504, 200")
            .upstreamAddr("10.0.0.2:3000, 10.0.0.3:3000")
            .upstreamResponseTime("0.501, 0.013")
            .toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event.upstreamAttempts()).isEqualTo(2);
    assertThat(event.upstream5xx()).isEqualTo(1);
    assertThat(event.pool()).isEqualTo("green");
    assertThat(event.hiddenError()).isTrue();
  }

  @Test
  void readsEveryGroupAfterAnInternalRedirect() {
    String line =
        sandbox()
            .upstreamStatus("502, 504 : 200")
            .upstreamAddr("a:1, b:1 : c:1")
            .upstreamResponseTime("0.001, 0.500 : 0.002")
            .toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event.upstreamAttempts()).isEqualTo(3);
    assertThat(event.upstream5xx()).isEqualTo(2);
    assertThat(event.upstreamAddr()).isEqualTo("c:1");
    assertThat(event.hiddenError()).isTrue();
  }

  @Test
  void readsARequestNginxAnsweredItselfAsClientErrorWithoutPool() {
    String line = sandbox().status("500").noUpstream().toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event)
        .isEqualTo(
            new AccessEvent(
                epochMillisOfTimeLocal(TIME),
                500,
                null,
                null,
                null,
                0,
                0,
                4,
                "6a1b0c9d2e3f40516273849a5b6c7d8e",
                List.of()));
    assertThat(event.clientError()).isTrue();
    assertThat(event.hiddenError()).isFalse();
  }

  @Test
  void readsAFinal502AfterTwoFailedAttemptsAsClientErrorNotHidden() {
    String line =
        sandbox()
            .status("502")
            .upstreamStatus("502, 502")
            .upstreamAddr("10.0.0.2:3000, 10.0.0.3:3000")
            .upstreamResponseTime("0.001, 0.001")
            .toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event.upstreamAttempts()).isEqualTo(2);
    assertThat(event.upstream5xx()).isEqualTo(2);
    assertThat(event.clientError()).isTrue();
    assertThat(event.hiddenError()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] status {0}, upstream_status {1}, upstream_addr {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # status | upstream_status    | upstream_addr                          | n | 5xx | last address      | client | hidden
            200    | 200                | 10.0.0.2:3000                          | 1 | 0   | 10.0.0.2:3000     | false  | false
            404    | 404                | 10.0.0.2:3000                          | 1 | 0   | 10.0.0.2:3000     | false  | false
            504    | 504                | 10.0.0.2:3000                          | 1 | 1   | 10.0.0.2:3000     | true   | false
            200    | 502, 200           | 10.0.0.2:3000, 10.0.0.3:3000           | 2 | 1   | 10.0.0.3:3000     | false  | true
            200    | 504, 200           | 10.0.0.2:3000, 10.0.0.3:3000           | 2 | 1   | 10.0.0.3:3000     | false  | true
            404    | 504, 404           | 10.0.0.2:3000, 10.0.0.3:3000           | 2 | 1   | 10.0.0.3:3000     | false  | true
            502    | 502, 502           | 10.0.0.2:3000, 10.0.0.3:3000           | 2 | 2   | 10.0.0.3:3000     | true   | false
            200    | 502, 502, 200      | a:1, b:1, c:1                          | 3 | 2   | c:1               | false  | true
            200    | 502, 504 : 200     | a:1, b:1 : c:1                         | 3 | 2   | c:1               | false  | true
            200    | 200 : 200          | a:1 : b:1                              | 2 | 0   | b:1               | false  | false
            503    | 502 : 503          | a:1 : b:1                              | 2 | 2   | b:1               | true   | false
            200    | 502, 200 : 502, 200| a:1, b:1 : a:1, b:1                    | 4 | 2   | b:1               | false  | true
            500    | -                  | -                                      | 0 | 0   |                   | true   | false
            499    | -                  | 10.0.0.2:3000                          | 0 | 0   | 10.0.0.2:3000     | false  | false
            200    | -, 200             | 10.0.0.2:3000, 10.0.0.3:3000           | 1 | 0   | 10.0.0.3:3000     | false  | false
            200    | 200                | unix:/run/app.sock                     | 1 | 0   | unix:/run/app.sock| false  | false
            200    | 502, 200           | [2001:db8::1]:3000, [2001:db8::2]:3000 | 2 | 1   | [2001:db8::2]:3000| false  | true
            502    | 502                | backend                                | 1 | 1   | backend           | true   | false
          """)
  void readsEveryShapeOfMultiValueUpstreamVariables(
      int status,
      String upstreamStatus,
      String upstreamAddr,
      int attempts,
      int upstream5xx,
      String lastAddr,
      boolean clientError,
      boolean hiddenError) {
    String line =
        sandbox()
            .status(String.valueOf(status))
            .pool("green")
            .release("v1-green")
            .upstreamStatus(upstreamStatus)
            .upstreamAddr(upstreamAddr)
            // one response time per attempt, in the same shape: "0.001, 0.001 : 0.001"
            .upstreamResponseTime(upstreamStatus.replaceAll("[0-9]{3}", "0.001"))
            .toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event.status()).isEqualTo(status);
    assertThat(event.upstreamAttempts()).as("attempts").isEqualTo(attempts);
    assertThat(event.upstream5xx()).as("5xx attempts").isEqualTo(upstream5xx);
    assertThat(event.upstreamAddr()).as("last address").isEqualTo(lastAddr);
    assertThat(event.pool()).isEqualTo("green");
    assertThat(event.release()).isEqualTo("v1-green");
    assertThat(event.clientError()).as("clientError").isEqualTo(clientError);
    assertThat(event.hiddenError()).as("hiddenError").isEqualTo(hiddenError);
  }

  @ParameterizedTest(name = "[{index}] request_time={0} -> {1} ms")
  @CsvSource(
      quoteCharacter = '`',
      value = {
        "0.514, 514",
        "0.000, 0",
        "0.001, 1",
        "0.010, 10",
        "12.345, 12345",
        "60.000, 60000",
        "1, 1000",
        "0.5, 500",
        "3.1415, 3141",
        "7., 7000",
        "2147483.647, 2147483647",
        "-, -1",
        "``, -1",
      })
  void readsRequestTimeAsMilliseconds(String requestTime, int millis) {
    String line = sandbox().requestTime(requestTime).toString();

    assertThat(parseEvent(parser, line).requestMillis()).isEqualTo(millis);
  }

  @ParameterizedTest(name = "[{index}] request_time={0}")
  @ValueSource(strings = {"2147483.648", "2592000.000", "18446744073709551616.000"})
  void readsARequestTimeTooLongForAnIntAsAbsentNotAsAWrappedNumber(String requestTime) {
    String line = sandbox().requestTime(requestTime).toString();

    assertThat(parseEvent(parser, line).requestMillis()).isEqualTo(-1);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "31/Oct/2025:15:53:00 +0000",
        "31/Oct/2025:15:53:00 +0100",
        "31/Oct/2025:15:53:00 -0530",
        "31/Oct/2025:15:53:00 +0545",
        "31/Oct/2025:15:53:00 +1400",
        "31/Oct/2025:15:53:00 -1200",
        "01/Jan/2025:00:30:00 +0100",
        "31/Dec/2024:23:30:00 -0100",
        "29/Feb/2024:12:00:00 +0000",
        "01/Mar/2024:00:00:00 +0000",
        "29/Feb/2000:23:59:59 +0000",
        "01/Jan/1970:00:00:00 +0000",
        "01/Jan/1970:00:30:00 +0100",
        "15/Jan/2025:01:02:03 +0000",
        "15/Feb/2025:01:02:03 +0000",
        "15/Mar/2025:01:02:03 +0000",
        "15/Apr/2025:01:02:03 +0000",
        "15/May/2025:01:02:03 +0000",
        "15/Jun/2025:01:02:03 +0000",
        "15/Jul/2025:01:02:03 +0000",
        "15/Aug/2025:01:02:03 +0000",
        "15/Sep/2025:01:02:03 +0000",
        "15/Oct/2025:01:02:03 +0000",
        "15/Nov/2025:01:02:03 +0000",
        "15/Dec/2025:01:02:03 +0000",
        "31/Dec/2099:23:59:59 +0000",
      })
  void readsTimeLocalInAnyOffsetAsJavaTimeDoes(String timeLocal) {
    String line = sandbox().time(timeLocal).toString();

    assertThat(parseEvent(parser, line).epochMillis()).isEqualTo(epochMillisOfTimeLocal(timeLocal));
  }

  @Test
  void readsTheSameInstantWrittenInTwoOffsetsAsEqual() {
    long utc =
        parseEvent(parser, sandbox().time("31/Oct/2025:10:23:00 +0000").toString()).epochMillis();
    long india =
        parseEvent(parser, sandbox().time("31/Oct/2025:15:53:00 +0530").toString()).epochMillis();
    long newYork =
        parseEvent(parser, sandbox().time("31/Oct/2025:06:23:00 -0400").toString()).epochMillis();

    assertThat(india).isEqualTo(utc);
    assertThat(newYork).isEqualTo(utc);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "30/Feb/2024:12:00:00 +0000",
        "29/Feb/2025:12:00:00 +0000",
        "29/Feb/2100:12:00:00 +0000",
        "31/Apr/2025:12:00:00 +0000",
        "31/Jun/2025:12:00:00 +0000",
        "00/Oct/2025:12:00:00 +0000",
        "32/Oct/2025:12:00:00 +0000",
        "31/Okt/2025:12:00:00 +0000",
        "31/oct/2025:12:00:00 +0000",
        "31/OCT/2025:12:00:00 +0000",
        "31/Oct/2025:24:00:00 +0000",
        "31/Oct/2025:23:60:00 +0000",
        "31/Oct/2025:23:59:61 +0000",
        "31/Oct/2025:15:53:00 +2500",
        "31/Oct/2025:15:53:00 +0060",
        "31/Oct/2025:15:53:00 *0000",
        "31/Oct/2025:15:53:00 00000",
        "31/Oct/2025:15:53:00 +00a0",
        "31-Oct-2025:15:53:00 +0000",
        "31/Oct/2025 15:53:00 +0000",
        "31/Oct/2025:15.53.00 +0000",
        "31/Oct/2025:15:53:00x+0000",
        "3a/Oct/2025:15:53:00 +0000",
        "31/Oct/20x5:15:53:00 +0000",
        "31/Dec/1969:23:59:59 +0000",
        "--/---/----:--:--:-- -----",
      })
  void rejectsAnImpossibleTimeLocal(String timeLocal) {
    Malformed malformed = parseMalformed(parser, sandbox().time(timeLocal).toString());

    assertThat(malformed.reason()).isEqualTo("the timestamp is not a valid time");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"31/Oct/2025:15:53:00", "31/Oct/2025:15:53:00 +00000", "-"})
  void rejectsATimeLocalOfTheWrongWidthByWhatShouldFollowIt(String timeLocal) {
    Malformed malformed = parseMalformed(parser, sandbox().time(timeLocal).toString());

    assertThat(malformed.reason()).isEqualTo("expected '] \"' after $time_local");
  }

  @Test
  void isNotConfusedByARequestThatLooksLikeOtherFields() {
    String line =
        sandbox()
            .request(
                "GET /?status=500&pool=green upstream_status=502, 200 upstream_addr=x HTTP/1.1")
            .toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event.status()).isEqualTo(200);
    assertThat(event.pool()).isEqualTo("blue");
    assertThat(event.upstreamAttempts()).isEqualTo(1);
    assertThat(event.upstreamAddr()).isEqualTo("172.19.0.2:3000");
  }

  @Test
  void readsARequestWithNginxEscapedQuotes() {
    String line = sandbox().request("GET /search?q=\\x22blue\\x22 HTTP/1.1").toString();

    assertThat(parseEvent(parser, line).status()).isEqualTo(200);
  }

  @Test
  void readsARemoteUserAndAnEmptyRequest() {
    String line = sandbox().request("").toString().replace(" - - [", " - alice [");

    assertThat(parseEvent(parser, line).status()).isEqualTo(200);
  }

  @Test
  void readsAPoolWithoutReleaseAsReleaseAbsent() {
    AccessEvent event = parseEvent(parser, sandbox().release("-").toString());

    assertThat(event.pool()).isEqualTo("blue");
    assertThat(event.release()).isNull();
  }

  @Test
  void readsAnEmptyPoolAsAbsent() {
    AccessEvent event = parseEvent(parser, sandbox().pool("").release("").toString());

    assertThat(event.pool()).isNull();
    assertThat(event.release()).isNull();
  }

  @Test
  void parsesOnlyTheGivenRangeOfABiggerBuffer() {
    byte[] line = sandbox().status("503").bytes();
    byte[] buffer = new byte[line.length + 20];
    Arrays.fill(buffer, (byte) 0xFF);
    System.arraycopy(line, 0, buffer, 7, line.length);

    Parsed parsed = parser.parse(buffer, 7, line.length);

    assertThat(parsed).isInstanceOf(AccessEvent.class);
    assertThat(((AccessEvent) parsed).status()).isEqualTo(503);
  }

  @Test
  void parsesSeveralLinesInOneBufferOneAtATime() {
    String first = sandbox().pool("blue").toString();
    String second = sandbox().pool("green").status("502").toString();
    byte[] buffer = (first + "\n" + second + "\n").getBytes(StandardCharsets.UTF_8);
    int firstLength = first.getBytes(StandardCharsets.UTF_8).length;
    int secondLength = second.getBytes(StandardCharsets.UTF_8).length;

    Parsed one = parser.parse(buffer, 0, firstLength);
    Parsed two = parser.parse(buffer, firstLength + 1, secondLength);

    assertThat(((AccessEvent) one).pool()).isEqualTo("blue");
    assertThat(((AccessEvent) two).pool()).isEqualTo("green");
    assertThat(((AccessEvent) two).status()).isEqualTo(502);
  }

  @Test
  void returnsTheSameStringInstanceForARepeatedPool() {
    AccessEvent first = parseEvent(parser, sandbox().pool("green").toString());
    AccessEvent second = parseEvent(parser, sandbox().pool("green").toString());

    assertThat(second.pool()).isSameAs(first.pool());
    assertThat(second.release()).isSameAs(first.release());
    assertThat(second.upstreamAddr()).isSameAs(first.upstreamAddr());
  }

  @Test
  void keepsDistinctPoolsDistinctAcrossManyValues() {
    for (int i = 0; i < 2_000; i++) {
      String pool = "pool-" + i;
      assertThat(parseEvent(parser, sandbox().pool(pool).toString()).pool()).isEqualTo(pool);
    }
  }

  @Test
  void exposesTheFormatItParses() {
    LogFormat format = LogFormat.compile(LogFormat.SANDBOX);

    assertThat(new LineParser(format).format()).isSameAs(format);
  }

  @Test
  void keepsTheRequestIdOnlyForLinesWorthTracing() {
    String ok = sandbox().requestId("req-ok").toString();
    String slow = sandbox().requestId("req-slow").requestTime("1.000").toString();
    String failed = sandbox().requestId("req-fail").status("502").toString();
    String none = sandbox().requestId("-").status("502").toString();

    assertThat(parseEvent(parser, ok).requestId()).isNull();
    assertThat(parseEvent(parser, slow).requestId()).isEqualTo("req-slow");
    assertThat(parseEvent(parser, failed).requestId()).isEqualTo("req-fail");
    assertThat(parseEvent(parser, none).requestId()).isNull();
    assertThat(parseEvent(new LineParser(parser.format(), 5), ok).requestId())
        .as("slow is what the parser is told")
        .isNull();
  }

  @Test
  void namesEachFailedAttemptWithItsAddressAcrossCommasAndRedirects() {
    String line =
        sandbox()
            .status("502")
            .upstreamStatus("500, - : 504, 502")
            .upstreamAddr("10.0.0.2:3000, - : 10.0.0.3:3000, 10.0.0.4:3000")
            .toString();

    AccessEvent event = parseEvent(parser, line);

    assertThat(event.failedAttempts())
        .containsExactly(
            new FailedAttempt("10.0.0.2:3000", 500),
            new FailedAttempt("10.0.0.3:3000", 504),
            new FailedAttempt("10.0.0.4:3000", 502));
  }

  @Test
  void aLineWithoutFailuresCarriesNoAttemptsList() {
    AccessEvent event = parseEvent(parser, sandbox().toString());

    assertThat(event.failedAttempts()).isEmpty();
    assertThat(event.requestId()).isNull();
  }
}
