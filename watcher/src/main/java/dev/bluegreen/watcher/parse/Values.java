package dev.bluegreen.watcher.parse;

import dev.bluegreen.watcher.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads single variable values from a line's bytes without allocating. */
final class Values {
  private Values() {}

  /** A three-digit HTTP status, or -1. */
  static int status(byte[] b, int s, int e) {
    if (e - s != 3) {
      return -1;
    }
    // three digits spelled out: no loop for the JIT to set up twice a line
    int hundreds = b[s] - '0';
    int tens = b[s + 1] - '0';
    int units = b[s + 2] - '0';
    if (hundreds < 1 || hundreds > 9 || tens < 0 || tens > 9 || units < 0 || units > 9) {
      return -1;
    }
    return hundreds * 100 + tens * 10 + units;
  }

  /**
   * Counts the attempts in {@code $upstream_status} ({@code "502, 200 : 504"}), packed as attempts
   * in the high int and 5xx answers in the low int; -1 when the text is not such a list. {@code -}
   * entries (no answer recorded) are not attempts.
   */
  static long upstreamStatuses(byte[] b, int s, int e) {
    int attempts = 0;
    int failures = 0;
    int i = s;
    while (i < e) {
      int tokenEnd = i;
      while (tokenEnd < e && b[tokenEnd] != ',' && b[tokenEnd] != ' ') {
        tokenEnd++;
      }
      if (tokenEnd - i == 1 && b[i] == '-') {
        // no status recorded for this attempt
      } else {
        int status = status(b, i, tokenEnd);
        if (status < 0) {
          return -1;
        }
        attempts++;
        if (status >= 500 && status <= 599) {
          failures++;
        }
      }
      i = skipSeparator(b, tokenEnd, e);
      if (i < 0) {
        return -1;
      }
    }
    return ((long) attempts << 32) | failures;
  }

  /**
   * Index after a {@code ", "} or {@code " : "} separator at {@code i}, {@code e} at the end, or
   * -1.
   */
  private static int skipSeparator(byte[] b, int i, int e) {
    if (i >= e) {
      return e;
    }
    if (b[i] == ',' && i + 1 < e && b[i + 1] == ' ') {
      return i + 2;
    }
    if (b[i] == ' ' && i + 2 < e && b[i + 1] == ':' && b[i + 2] == ' ') {
      return i + 3;
    }
    return -1;
  }

  /** Where the last {@code ", "}- or {@code " : "}-separated value starts. */
  static int lastValueStart(byte[] b, int s, int e) {
    for (int i = e - 2; i >= s; i--) {
      // both separators end with a space: one compare per byte of the (short) value
      if (b[i + 1] == ' ') {
        if (b[i] == ',') {
          return i + 2;
        }
        if (b[i] == ':' && i > s && b[i - 1] == ' ') {
          return i + 2;
        }
      }
    }
    return s;
  }

  /** What {@link #secondsAsMillis} returns for text that is not a number of seconds. */
  static final int NOT_A_NUMBER = -2;

  /**
   * Seconds with up to millisecond resolution ({@code 0.514}) as milliseconds; digits past the
   * third decimal are dropped. -1 when absent ({@code -} or empty) or beyond what an int holds
   * (about 24.8 days), {@link #NOT_A_NUMBER} for any other text.
   */
  static int secondsAsMillis(byte[] b, int s, int e) {
    if (s == e || (e - s == 1 && b[s] == '-')) {
      return -1;
    }
    int i = s;
    long seconds = 0;
    while (i < e && b[i] >= '0' && b[i] <= '9') {
      if (seconds <= Integer.MAX_VALUE) {
        // stop accumulating once it is too large anyway, so that it cannot wrap around
        seconds = seconds * 10 + (b[i] - '0');
      }
      i++;
    }
    if (i == s) {
      return NOT_A_NUMBER;
    }
    long millis = seconds * 1000;
    if (i < e && b[i] == '.') {
      i++;
      int scale = 100;
      while (i < e && b[i] >= '0' && b[i] <= '9') {
        millis += (b[i] - '0') * scale;
        scale /= 10;
        i++;
      }
    }
    if (i != e) {
      return NOT_A_NUMBER;
    }
    return millis > Integer.MAX_VALUE ? -1 : (int) millis;
  }

  /**
   * Decodes a value Nginx wrote with {@code escape=json}; the rare slow path (it loads {@link Json}
   * on first use).
   */
  static String unescapeJson(byte[] b, int s, int e) {
    String raw = new String(b, s, e - s, StandardCharsets.UTF_8);
    try {
      return Json.string("\"" + raw + "\"");
    } catch (IOException badEscape) {
      return raw;
    }
  }
}
