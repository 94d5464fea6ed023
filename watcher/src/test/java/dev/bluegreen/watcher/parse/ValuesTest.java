package dev.bluegreen.watcher.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  /** The bytes of {@code text} with one junk byte on each side, so that offsets matter. */
  private static byte[] framed(String text) {
    return ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
  }

  private static int status(String text) {
    byte[] b = framed(text);
    return Values.status(b, 1, b.length - 1);
  }

  private static long upstreamStatuses(String text) {
    byte[] b = framed(text);
    return Values.upstreamStatuses(b, 1, b.length - 1);
  }

  private static String lastValue(String text) {
    byte[] b = framed(text);
    int start = Values.lastValueStart(b, 1, b.length - 1);
    return new String(b, start, b.length - 1 - start, StandardCharsets.UTF_8);
  }

  private static int secondsAsMillis(String text) {
    byte[] b = framed(text);
    return Values.secondsAsMillis(b, 1, b.length - 1);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({"200, 200", "100, 100", "499, 499", "999, 999", "099, -1", "20, -1", "2000, -1"})
  void readsAThreeDigitStatus(String text, int expected) {
    assertThat(status(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"2x0", "20x", "/00", ":00", "1:0", "10/", " 200", "\u00e90", "-00"})
  void refusesAStatusWithANonDigitInAnyPlace(String text) {
    assertThat(status(text)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1} attempts, {2} 5xx")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "200                     | 1 | 0",
        "502, 200                | 2 | 1",
        "502, 504 : 200          | 3 | 2",
        "500, 599, 600           | 3 | 2",
        "499 : 500               | 2 | 1",
        "-                       | 0 | 0",
        "``                      | 0 | 0",
        "-, 502                  | 1 | 1",
        "502, -                  | 1 | 1",
        "- : 200                 | 1 | 0",
      })
  void countsAttemptsAndTheir5xxAnswers(String text, int attempts, int failures) {
    long counts = upstreamStatuses(text);

    assertThat(counts >>> 32).as("attempts").isEqualTo(attempts);
    assertThat((int) counts).as("5xx").isEqualTo(failures);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "abc",
        "502,200",
        "502 200",
        "502 :200",
        "502: 200",
        "502,",
        "502, ,200",
        ", 200",
        " 200",
        "502  : 200",
        "20",
        "2000",
        "--"
      })
  void rejectsTextThatIsNotAStatusList(String text) {
    assertThat(upstreamStatuses(text)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "10.0.0.2:3000                          | 10.0.0.2:3000",
        "10.0.0.2:3000, 10.0.0.3:3000           | 10.0.0.3:3000",
        "a:1, b:1 : c:1                         | c:1",
        "a:1 : b:1, c:1                         | c:1",
        "[2001:db8::1]:80, [2001:db8::2]:80     | [2001:db8::2]:80",
        "unix:/run/app.sock                     | unix:/run/app.sock",
        "green                                  | green",
        "-                                      | -",
        "``                                     | ``",
        "`, x`                                  | x",
        "`: x`                                  | `: x`",
        "` : x`                                 | x",
        "`a b`                                  | `a b`",
        "`x, `                                  | ``",
        "`a,b`                                  | `a,b`",
      })
  void findsTheLastOfTheValues(String text, String last) {
    assertThat(lastValue(text)).isEqualTo(last);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      quoteCharacter = '`',
      value = {
        "0.514, 514",
        "0.000, 0",
        "1.5, 1500",
        "0.0009, 0",
        "123.456, 123456",
        "2147483.647, 2147483647",
        "2147483.648, -1",
        "99999999999999999999999.000, -1",
        "-, -1",
        "``, -1",
        "abc, -2",
        "--, -2",
        "-0.5, -2",
        "0.5.1, -2",
        "` 0.5`, -2",
      })
  void readsSecondsAsMilliseconds(String text, int millis) {
    assertThat(secondsAsMillis(text)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "v1 \\\"beta\\\"      | v1 \"beta\"",
        "a\\\\b              | a\\b",
        "caf\\u00e9          | café",
        "tab\\there          | tab\there",
        "bad \\q escape      | bad \\q escape",
        "trailing \\         | trailing \\",
      })
  void unescapesJsonOrKeepsTheRawTextWhenTheEscapeIsBad(String raw, String expected) {
    byte[] b = framed(raw);

    assertThat(Values.unescapeJson(b, 1, b.length - 1)).isEqualTo(expected);
  }
}
