package dev.bluegreen.watcher.parse;

import static dev.bluegreen.watcher.parse.Lines.parseEvent;
import static dev.bluegreen.watcher.parse.Lines.parseMalformed;
import static dev.bluegreen.watcher.parse.Lines.sandbox;
import static dev.bluegreen.watcher.parse.Lines.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines that do not fit the format come back as {@link Malformed}, never as an exception. */
class MalformedLineTest {
  private static final String JSON_FORMAT =
      "log_format j escape=json '{\"time\":\"$time_iso8601\",\"status\":$status,"
          + "\"pool\":\"$upstream_http_x_app_pool\",\"release\":\"$upstream_http_x_release_id\","
          + "\"upstream_status\":\"$upstream_status\",\"upstream_addr\":\"$upstream_addr\","
          + "\"request_time\":$request_time}';";
  private static final String JSON_LINE =
      "{\"time\":\"2025-10-31T15:53:00+00:00\",\"status\":200,\"pool\":\"green\","
          + "\"release\":\"v1-green\",\"upstream_status\":\"504, 200\","
          + "\"upstream_addr\":\"172.19.0.3:3000, 172.19.0.2:3000\",\"request_time\":0.514}";
  private static final String BLUE_GREEN_LINE =
      "172.19.0.1 - - [31/Oct/2025:15:53:00 +0000] \"GET / HTTP/1.1\" 200 1247 pool:green"
          + " release:v1-green upstream_status:504, 200 upstream:172.19.0.3:3000,"
          + " 172.19.0.2:3000 request_time:0.514 upstream_response_time:0.501, 0.013";
  private static final String COMBINED_LINE =
      "127.0.0.1 - - [31/Oct/2025:13:30:00 +0000] \"GET /error HTTP/1.1\" 500 123 \"-\""
          + " \"curl/7.68.0\"";

  private final LineParser parser = new LineParser(LogFormat.compile(LogFormat.SANDBOX));

  @Test
  void rejectsAnEmptyLine() {
    assertThat(parseMalformed(parser, new byte[0]).reason()).isEqualTo("empty line");
  }

  @Test
  void rejectsAnEmptyRangeOfANonEmptyBuffer() {
    byte[] buffer = sandbox().bytes();

    assertThat(parser.parse(buffer, 5, 0)).isEqualTo(new Malformed("empty line"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"hello world", " ", "-", "\t", "GET / HTTP/1.1", "172.19.0.1"})
  void rejectsGarbageTextByTheFirstLiteralItLacks(String line) {
    assertThat(parseMalformed(parser, line).reason())
        .isEqualTo("expected ' - ' after $remote_addr");
  }

  @Test
  void rejectsACombinedLineByWhatShouldFollowTheRequest() {
    assertThat(parseMalformed(parser, COMBINED_LINE).reason())
        .isEqualTo("expected '\" status=' after $request");
  }

  static Stream<Arguments> truncatedLines() {
    String line = sandbox().toString();
    return Stream.of(
        Arguments.of(line.substring(0, line.indexOf("15:53")), "expected '] \"' after $time_local"),
        Arguments.of(
            line.substring(0, line.indexOf("HTTP/1.1")), "expected '\" status=' after $request"),
        Arguments.of(
            line.substring(0, line.indexOf("status=200") + 8),
            "expected ' body_bytes=' after $status"),
        Arguments.of(
            line.substring(0, line.length() / 2),
            "expected ' upstream_status=' after $upstream_http_x_release_id"),
        Arguments.of(
            line.substring(0, line.indexOf(" upstream_addr=")),
            "expected ' upstream_addr=' after $upstream_status"),
        Arguments.of(
            line.substring(0, line.indexOf(" request_id=") + 3),
            "expected ' request_id=' after $upstream_response_time"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("truncatedLines")
  void rejectsALineCutInTheMiddleByWhatIsMissing(String truncated, String reason) {
    assertThat(parseMalformed(parser, truncated).reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "[{index}] status={0}")
  @ValueSource(strings = {"abc", "20", "2000", "099", "-", "", "2O0", " 200", "+20"})
  void rejectsAStatusThatIsNotAThreeDigitNumber(String status) {
    assertThat(parseMalformed(parser, sandbox().status(status).toString()).reason())
        .isEqualTo("$status is not a number");
  }

  @ParameterizedTest(name = "[{index}] upstream_status={0}")
  @ValueSource(strings = {"abc", "502,200", "502 200", "502;200", "5O2, 200", "502,  200", "20"})
  void rejectsAnUpstreamStatusThatIsNotAListOfStatuses(String upstreamStatus) {
    String line = sandbox().upstreamStatus(upstreamStatus).toString();

    assertThat(parseMalformed(parser, line).reason())
        .isEqualTo("$upstream_status is not a list of statuses");
  }

  @ParameterizedTest(name = "[{index}] request_time={0}")
  @ValueSource(strings = {"abc", "0.5s", "1.2.3", "--", ".5", "0,514", "-1", "0.514x"})
  void rejectsARequestTimeThatIsNotANumberOfSeconds(String requestTime) {
    String line = sandbox().requestTime(requestTime).toString();

    assertThat(parseMalformed(parser, line).reason())
        .isEqualTo("$request_time is not a number of seconds");
  }

  static Stream<Arguments> trailingJunk() {
    return Stream.of(
        Arguments.of(
            LogFormat.COMBINED,
            COMBINED_LINE + " trailing",
            "expected '\"' after $http_user_agent"),
        Arguments.of(JSON_FORMAT, JSON_LINE + "garbage", "expected '}' after $request_time"),
        Arguments.of(
            JSON_FORMAT, JSON_LINE + JSON_LINE, "$request_time is not a number of seconds"),
        Arguments.of(
            "'$status $time_local'",
            "200 31/Oct/2025:15:53:00 +0000 junk",
            "text after the end of the format"),
        Arguments.of(
            "'$status $upstream_status $upstream_addr $request_time'",
            "200 502, 200 : 200 a:1, b:1 : c:1 0.514 junk",
            "$request_time is not a number of seconds"),
        Arguments.of("'$upstream_addr $status'", "a:1 200 junk", "$status is not a number"),
        Arguments.of(
            "'$status $upstream_status'",
            "200 502, 200 junk",
            "$upstream_status is not a list of statuses"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("trailingJunk")
  void rejectsTextAfterTheEndOfTheFormat(String format, String line, String reason) {
    LineParser other = new LineParser(LogFormat.compile(format));

    assertThat(parseMalformed(other, line).reason()).isEqualTo(reason);
  }

  @Test
  void rejectsA200KilobyteLineOfJunk() {
    byte[] line = new byte[200 * 1024];
    Arrays.fill(line, (byte) 'a');

    assertThat(parseMalformed(parser, line).reason())
        .isEqualTo("expected ' - ' after $remote_addr");
  }

  @Test
  void rejectsA200KilobyteLineOfSeparators() {
    byte[] line = utf8(", : ".repeat(50 * 1024));

    assertThat(parser.parse(line, 0, line.length)).isInstanceOf(Malformed.class);
  }

  @Test
  void readsAValidLineWithA200KilobyteRequestPath() {
    String path = "/" + "x".repeat(200 * 1024);

    AccessEvent event =
        parseEvent(parser, sandbox().request("GET " + path + " HTTP/1.1").status("414").toString());

    assertThat(event.status()).isEqualTo(414);
  }

  @Test
  void rejectsBinaryBytesAsInvalidUtf8() {
    byte[] line = new byte[256];
    for (int i = 0; i < line.length; i++) {
      line[i] = (byte) i;
    }

    assertThat(parseMalformed(parser, line).reason()).isEqualTo("not valid UTF-8");
  }

  @Test
  void rejectsAsciiControlBytesByTheLiteralTheyLack() {
    byte[] line = new byte[32];
    for (int i = 0; i < line.length; i++) {
      line[i] = (byte) i;
    }

    assertThat(parseMalformed(parser, line).reason())
        .isEqualTo("expected ' - ' after $remote_addr");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource({
    "C0AF, overlong slash in two bytes",
    "C180, overlong in two bytes",
    "E080AF, overlong slash in three bytes",
    "E09FBF, overlong U+07FF in three bytes",
    "F08080AF, overlong slash in four bytes",
    "F08FBFBF, overlong U+FFFF in four bytes",
    "80, lone continuation byte",
    "BF, lone last continuation byte",
    "80BF80, run of continuation bytes",
    "EDA080, encoded high surrogate",
    "EDBFBF, encoded low surrogate",
    "EDA0BDEDB880, surrogate pair encoded as CESU-8",
    "F4908080, above U+10FFFF",
    "F5808080, lead byte F5",
    "F8888080, five-byte form",
    "FE, byte FE",
    "FF, byte FF",
    "C3, two-byte form missing its continuation",
    "E282, three-byte form missing its last byte",
    "F09F98, four-byte form missing its last byte",
    "C328, two-byte form with an ASCII continuation",
    "E228A1, three-byte form with an ASCII second byte",
  })
  void rejectsInvalidUtf8AnywhereInTheLine(String hex, String description) {
    byte[] bad = HexFormat.of().parseHex(hex);
    String line = sandbox().toString();
    for (int at : new int[] {0, 3, 17, line.indexOf("GET") + 5, line.length()}) {
      byte[] withBad = insert(utf8(line), at, bad);

      assertThat(parseMalformed(parser, withBad).reason())
          .as("%s inserted at %d", description, at)
          .isEqualTo("not valid UTF-8");
    }
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource({
    "C3, two-byte form",
    "E282, three-byte form",
    "F09F98, four-byte form",
  })
  void rejectsAMultibyteCharacterCutAtTheEndOfTheLine(String hex, String description) {
    byte[] line = insert(sandbox().bytes(), sandbox().bytes().length, HexFormat.of().parseHex(hex));

    assertThat(parseMalformed(parser, line).reason()).isEqualTo("not valid UTF-8");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource({
    "C3A9, é",
    "C280, U+0080",
    "DFBF, U+07FF",
    "E0A080, U+0800",
    "E282AC, euro sign",
    "E697A5, CJK",
    "EFBFBD, replacement character",
    "EFBFBF, U+FFFF",
    "F0908080, U+10000",
    "F09F9A80, rocket emoji",
    "F48FBFBF, U+10FFFF",
  })
  void readsValidMultibyteUtf8AnywhereInAValue(String hex, String description) {
    String character = new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);

    AccessEvent inPath =
        parseEvent(parser, sandbox().request("GET /caf" + character + "/x HTTP/1.1").toString());
    AccessEvent inPool =
        parseEvent(parser, sandbox().pool(character + "green" + character).toString());
    AccessEvent atEnd = parseEvent(parser, sandbox().requestId("id-" + character).toString());

    assertThat(inPath.status()).isEqualTo(200);
    assertThat(inPool.pool()).isEqualTo(character + "green" + character);
    assertThat(atEnd.status()).isEqualTo(200);
  }

  @Test
  void neverThrowsOnRandomBytes() {
    Random random = new Random(20251031L);
    List<LineParser> parsers = allParsers();
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(400)];
      random.nextBytes(bytes);
      for (LineParser any : parsers) {
        parseSafely(any, bytes, 0, bytes.length);
      }
    }
  }

  @Test
  void neverThrowsOnRandomLogLikeText() {
    Random random = new Random(7L);
    byte[] alphabet = utf8("0123456789 -,:;.[]\"/=+{}abcdefgpoolstatus_upstreamTZ\\");
    List<LineParser> parsers = allParsers();
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      for (int k = 0; k < bytes.length; k++) {
        bytes[k] = alphabet[random.nextInt(alphabet.length)];
      }
      for (LineParser any : parsers) {
        parseSafely(any, bytes, 0, bytes.length);
      }
    }
  }

  @Test
  void neverThrowsOnRandomMutationsOfValidLines() {
    Random random = new Random(42L);
    List<Sample> samples = samples();
    for (int i = 0; i < 5_000; i++) {
      Sample sample = samples.get(random.nextInt(samples.size()));
      byte[] bytes = sample.line().clone();
      int changes = 1 + random.nextInt(4);
      for (int k = 0; k < changes; k++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      parseSafely(sample.parser(), bytes, 0, bytes.length);
    }
  }

  @Test
  void neverThrowsOnRandomTruncationsOfValidLinesInsideABiggerBuffer() {
    Random random = new Random(1234L);
    List<Sample> samples = samples();
    for (int i = 0; i < 5_000; i++) {
      Sample sample = samples.get(random.nextInt(samples.size()));
      int from = random.nextInt(sample.line().length);
      int to = from + random.nextInt(sample.line().length - from + 1);
      parseSafely(sample.parser(), sample.line(), from, to - from);
    }
  }

  @Test
  void rejectsEveryTruncationThatCutsBeforeTheLastVariable() {
    for (Sample sample : samples()) {
      String text = new String(sample.line(), StandardCharsets.UTF_8);
      int lastValueStart = text.length() - sample.lastValueLength();
      for (int len = 0; len < lastValueStart; len++) {
        Parsed parsed = parseSafely(sample.parser(), sample.line(), 0, len);

        assertThat(parsed)
            .as("%s cut to %d bytes", sample.name(), len)
            .isInstanceOf(Malformed.class);
      }
      assertThat(parseSafely(sample.parser(), sample.line(), 0, sample.line().length))
          .as("%s whole", sample.name())
          .isInstanceOf(AccessEvent.class);
    }
  }

  /** A valid line of one format, and how many bytes its last variable's value takes at the end. */
  private record Sample(String name, LineParser parser, byte[] line, int lastValueLength) {}

  private static List<Sample> samples() {
    String sandboxLine = sandbox().upstreamStatus("502, 200").upstreamAddr("a:1, b:1").toString();
    return List.of(
        new Sample(
            "sandbox",
            new LineParser(LogFormat.compile(LogFormat.SANDBOX)),
            utf8(sandboxLine),
            "6a1b0c9d2e3f40516273849a5b6c7d8e".length()),
        new Sample(
            "blue_green",
            new LineParser(LogFormat.compile(Lines.BLUE_GREEN_DIRECTIVE)),
            utf8(BLUE_GREEN_LINE),
            "0.501, 0.013".length()),
        new Sample("json", new LineParser(LogFormat.compile(JSON_FORMAT)), utf8(JSON_LINE), 0),
        new Sample(
            "combined",
            new LineParser(LogFormat.compile(LogFormat.COMBINED)),
            utf8(COMBINED_LINE),
            0));
  }

  private static List<LineParser> allParsers() {
    return samples().stream().map(Sample::parser).toList();
  }

  private static Parsed parseSafely(LineParser parser, byte[] bytes, int off, int len) {
    try {
      Parsed parsed = parser.parse(bytes, off, len);
      assertThat(parsed).isNotNull();
      return parsed;
    } catch (RuntimeException e) {
      throw new AssertionError(
          String.format(
              "parse threw on format %s, bytes %d..%d of %s",
              parser.format(), off, off + len, HexFormat.of().formatHex(bytes)),
          e);
    }
  }

  private static byte[] insert(byte[] line, int at, byte[] inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(line, 0, at);
    out.write(inserted, 0, inserted.length);
    out.write(line, at, line.length - at);
    return out.toByteArray();
  }
}
