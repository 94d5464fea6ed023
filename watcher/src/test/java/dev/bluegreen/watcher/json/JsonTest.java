package dev.bluegreen.watcher.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bluegreen.watcher.TestJson;
import dev.bluegreen.watcher.detect.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The watcher's JSON is what jackson-databind's ObjectMapper wrote, byte for byte: the escaping row
 * by row, then random documents of every kind of value against ObjectMapper itself.
 */
class JsonTest {
  private static final ObjectMapper INDENTING =
      TestJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

  /** Text in, the JSON string literal out as bytes (UTF-8) and as text. */
  static Stream<Arguments> escaping() {
    return Stream.of(
        Arguments.of("plain", "\"plain\"", "\"plain\""),
        Arguments.of("a \"quote\"", "\"a \\\"quote\\\"\"", "\"a \\\"quote\\\"\""),
        Arguments.of("back\\slash", "\"back\\\\slash\"", "\"back\\\\slash\""),
        Arguments.of("new\nline\r\ttab", "\"new\\nline\\r\\ttab\"", "\"new\\nline\\r\\ttab\""),
        Arguments.of("\b\f", "\"\\b\\f\"", "\"\\b\\f\""),
        Arguments.of(
            "\u0000\u0001\u001f", "\"\\u0000\\u0001\\u001F\"", "\"\\u0000\\u0001\\u001F\""),
        Arguments.of("\u007f/</script>", "\"\u007f/</script>\"", "\"\u007f/</script>\""),
        Arguments.of("é ü ß € 日本", "\"é ü ß € 日本\"", "\"é ü ß € 日本\""),
        Arguments.of("\u2028\u2029", "\"\u2028\u2029\"", "\"\u2028\u2029\""),
        // outside the Basic Multilingual Plane: bytes escape the surrogates, text keeps them
        Arguments.of("😀", "\"\\uD83D\\uDE00\"", "\"😀\""));
  }

  @ParameterizedTest
  @MethodSource("escaping")
  void stringsAreEscapedAsBefore(String text, String asBytes, String asText) throws IOException {
    assertThat(new String(Json.bytes(text), StandardCharsets.UTF_8)).isEqualTo(asBytes);
    assertThat(Json.text(text)).isEqualTo(asText);
    assertThat(Json.bytes(text)).isEqualTo(TestJson.MAPPER.writeValueAsBytes(text));
    assertThat(Json.text(text)).isEqualTo(TestJson.MAPPER.writeValueAsString(text));
    assertThat(Json.read(Json.bytes(text))).isEqualTo(text);
    assertThat(Json.read(Json.text(text))).isEqualTo(text);
  }

  @Test
  void numbersAndTheirEdgesAreWrittenAsBefore() throws IOException {
    List<Object> numbers =
        List.of(
            0,
            -1,
            Integer.MAX_VALUE,
            Long.MIN_VALUE,
            0.1,
            2.0,
            -0.0,
            1e-7,
            1e21,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            1.5f,
            (short) 7,
            (byte) -3,
            new BigDecimal("1.10"),
            new BigInteger("123456789012345678901234567890"));
    assertThat(Json.text(numbers)).isEqualTo(TestJson.MAPPER.writeValueAsString(numbers));
    assertThat(Json.text(numbers)).startsWith("[0,-1,2147483647,-9223372036854775808,0.1,2.0");
    assertThat(Json.text(numbers)).contains("\"NaN\",\"Infinity\"");
  }

  @Test
  void randomDocumentsAreWrittenAndReadAsObjectMapperDid() throws IOException {
    Random random = new Random(15);
    for (int round = 0; round < 500; round++) {
      Object document = value(random, 0);
      String history = "round " + round + ": " + TestJson.MAPPER.writeValueAsString(document);

      assertThat(Json.bytes(document))
          .as(history)
          .isEqualTo(TestJson.MAPPER.writeValueAsBytes(document));
      assertThat(Json.text(document))
          .as(history)
          .isEqualTo(TestJson.MAPPER.writeValueAsString(document));
      assertThat(Json.indented(document))
          .as(history)
          .isEqualTo(INDENTING.writeValueAsBytes(document));
      byte[] written = Json.bytes(document);
      assertThat(Json.read(written))
          .as(history)
          .isEqualTo(TestJson.MAPPER.readValue(written, Object.class));
    }
  }

  @Test
  void readingTakesTheFirstValueAndRefusesWhatIsNoJson() throws IOException {
    assertThat(Json.read("{\"a\":[1,2.5,null,true,\"x\"]} trailing"))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1, 2.5, null, true, "x")));
    assertThat(Json.read("12345678901")).isEqualTo(12345678901L);
    assertThatThrownBy(() -> Json.read("")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.read("{\"a\":")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.read("[1,")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.read("{a:1}")).isInstanceOf(IOException.class);
  }

  @Test
  void aStringLiteralIsDecodedOrRefused() throws IOException {
    assertThat(Json.string("\"a\\\"b\\u00e9\\n\"")).isEqualTo("a\"bé\n");
    assertThatThrownBy(() -> Json.string("\"bad \\x escape\"")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.string("\"raw \n newline\"")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.string("42")).isInstanceOf(IOException.class);
  }

  @Test
  void aValueThatIsNotPlainIsRefusedNotGuessed() {
    assertThatThrownBy(() -> Json.bytes(Map.of("when", java.time.Instant.EPOCH)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("java.time.Instant");
    assertThatThrownBy(() -> Json.bytes(List.of(java.nio.file.Path.of("/var/log/x"))))
        .as("a Path is Iterable, but no list: ObjectMapper wrote a file: URI")
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Path");
  }

  /** A random plain value: texts of awkward characters, numbers, nested maps, lists, arrays. */
  private static Object value(Random random, int depth) {
    int kind = random.nextInt(depth >= 4 ? 8 : 12);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextLong();
      case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 5, 6 -> text(random);
      case 7 -> random.nextBoolean() ? Severity.CRITICAL : Double.NaN;
      case 8 -> random.ints(random.nextInt(4), -1000, 100_000).toArray();
      case 9 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(value(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(6); i > 0; i--) {
          map.put(text(random), value(random, depth + 1));
        }
        yield map;
      }
    };
  }

  private static final String ALPHABET = "aZ09 \"\\/\n\r\t\b\f\u0000\u0001\u001f\u007féü€日\u2028😀";

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int[] points = ALPHABET.codePoints().toArray();
    for (int i = random.nextInt(12); i > 0; i--) {
      text.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return text.toString();
  }
}
