package dev.bluegreen.watcher.parse;

import java.nio.charset.StandardCharsets;

/**
 * Fixed text of a log format (before or between variables), packed once so that checking it in a
 * line takes a word compare per eight bytes.
 */
final class Literal {
  private final String text;
  private final byte[] bytes;
  private final long[] words;

  Literal(String text) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    this.text = new String(bytes, StandardCharsets.UTF_8); // as the line's bytes would read
    this.words = Bytes.words(bytes, 0, bytes.length);
  }

  int length() {
    return bytes.length;
  }

  byte at(int i) {
    return bytes[i];
  }

  /** Whether this text starts at {@code at} in a line that ends at {@code end}. */
  boolean matchesAt(byte[] b, int at, int end) {
    return end - at >= bytes.length && Bytes.equals(b, at, bytes.length, words);
  }

  @Override
  public String toString() {
    return text;
  }
}
