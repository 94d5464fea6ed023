package dev.bluegreen.watcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The tests' one JSON reader, for what the watcher prints, posts and serves. */
public final class TestJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private TestJson() {}

  /** Parses {@code text}; a test given bad JSON fails with the text in the message. */
  public static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  public static JsonNode read(byte[] bytes) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON", e);
    }
  }
}
