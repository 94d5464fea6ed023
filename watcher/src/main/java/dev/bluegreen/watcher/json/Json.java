package dev.bluegreen.watcher.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The watcher's JSON, on jackson-core's streaming generator and parser alone (no data binding:
 * about 75 classes of Jackson in an idle watcher instead of 513): plain values out ({@link
 * java.util.Map}s in their iteration order, lists, arrays, texts, numbers, booleans, {@code null}),
 * written byte for byte as jackson-databind's ObjectMapper wrote them, and plain values in ({@link
 * #read}). Made on first use: a command that needs no JSON loads none of it.
 *
 * <p>Writing throws {@link IOException} only for a value that is none of these (a record, say: its
 * codec says its fields), as ObjectMapper threw for a value it could not map.
 *
 * <p>Escaping is jackson-core's: {@code "}, {@code \} and control characters escaped, other text as
 * UTF-8; {@link #bytes} escapes a character outside the Basic Multilingual Plane as its two {@code
 * \}{@code u} surrogates, {@link #text} keeps it (both as ObjectMapper did).
 */
public final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** {@code value} as compact JSON in UTF-8 (ObjectMapper's {@code writeValueAsBytes}). */
  public static byte[] bytes(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      JsonWriter.write(json, value);
    }
    return out.toByteArray();
  }

  /** {@code value} as compact JSON text, one line (ObjectMapper's {@code writeValueAsString}). */
  public static String text(Object value) throws IOException {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      JsonWriter.write(json, value);
    }
    return out.toString();
  }

  /**
   * {@code value} as indented JSON in UTF-8: two spaces a level, {@code "name" : value}, arrays of
   * plain values on one line (ObjectMapper with {@code INDENT_OUTPUT}); no final newline.
   */
  public static byte[] indented(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      JsonWriter.write(json, value);
    }
    return out.toByteArray();
  }

  /**
   * The first JSON value in {@code bytes} as plain values: objects as {@link java.util.Map}s in
   * document order, arrays as {@link java.util.List}s, whole numbers as Integer, Long or
   * BigInteger, others as Double; what follows the value is not read (as ObjectMapper did).
   *
   * @throws IOException when {@code bytes} holds no JSON value or a malformed one
   */
  public static Object read(byte[] bytes) throws IOException {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      return JsonReader.value(parser);
    }
  }

  /** Like {@link #read(byte[])}, from text. */
  public static Object read(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      return JsonReader.value(parser);
    }
  }

  /**
   * The text a JSON string literal stands for: {@code "a\"b"} gives {@code a"b}.
   *
   * @throws IOException when {@code literal} does not start with a well-formed JSON string
   */
  public static String string(String literal) throws IOException {
    try (JsonParser parser = FACTORY.createParser(literal)) {
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        throw new IOException("not a JSON string: " + literal);
      }
      return parser.getText();
    }
  }
}
