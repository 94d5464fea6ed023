package dev.bluegreen.watcher.cli;

import dev.bluegreen.watcher.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * How ctl reads a field of the watcher's answer: leniently, as it is shown to a person, a field
 * that is absent or of another type shown rather than refused.
 */
final class StatusField {
  private StatusField() {}

  /** A field as text: {@code ""} when absent, {@code null} as "null", a number or true as such. */
  static String text(JsonObject json, String name) {
    if (!json.has(name)) {
      return "";
    }
    Object value = json.get(name);
    return value instanceof Map<?, ?> || value instanceof List<?> ? "" : String.valueOf(value);
  }

  /** Whether a field is true (or a non-zero whole number, or the text "true"). */
  static boolean bool(JsonObject json, String name) {
    Object value = json.get(name);
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof Number number && !(value instanceof Double)) {
      return number.longValue() != 0;
    }
    return value instanceof String text && text.strip().equals("true");
  }

  /** A field as a whole number: 0 when absent or not a number. */
  static long number(JsonObject json, String name) {
    Object value = json.get(name);
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException notANumber) {
        return 0;
      }
    }
    return value instanceof Boolean bool && bool ? 1 : 0;
  }
}
