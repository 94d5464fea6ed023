package dev.bluegreen.watcher;

import java.util.Locale;
import java.util.Map;

/**
 * Raw setting values by their environment-variable name, where a command-line flag beats the
 * environment, and typed readers whose errors name the setting, the bad value and where it came
 * from. An empty environment variable counts as unset.
 */
public final class Settings {

  /** A value given on the command line, with the flag that gave it. */
  public record Flag(String flag, String value) {}

  private final Map<String, Flag> flags;
  private final Map<String, String> env;

  public Settings(Map<String, Flag> flags, Map<String, String> env) {
    this.flags = flags;
    this.env = env;
  }

  /**
   * The value of setting {@code name}, or {@code null} when neither flag nor environment set it.
   */
  public String raw(String name) {
    Flag flag = flags.get(name);
    if (flag != null && flag.value() != null) {
      return flag.value();
    }
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  public String text(String name, String fallback) {
    String raw = raw(name);
    return raw == null ? fallback : raw;
  }

  public int integer(String name, int fallback, int min, int max) {
    String raw = raw(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notAnInteger) {
      // reported below
    }
    throw invalid(name, raw, "must be a whole number from " + min + " to " + max);
  }

  public double decimal(String name, double fallback, double min, double max) {
    String raw = raw(name);
    if (raw == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw invalid(name, raw, "must be a number from " + plain(min) + " to " + plain(max));
  }

  public boolean bool(String name, boolean fallback) {
    String raw = raw(name);
    if (raw == null) {
      return fallback;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(name, raw, "must be true or false");
    };
  }

  /** An error naming setting {@code name}, its value and where it came from. */
  public InvalidSettingException invalid(String name, String value, String problem) {
    return new InvalidSettingException(
        oneLine("invalid " + name + " '" + value + "' (" + origin(name) + "): " + problem));
  }

  /**
   * An error naming secret setting {@code name} and where it came from, without its value: a
   * credential must not reach a terminal or a log.
   */
  public InvalidSettingException invalidSecret(String name, String problem) {
    return new InvalidSettingException(
        oneLine("invalid " + name + " (" + origin(name) + "): " + problem));
  }

  private String origin(String name) {
    Flag flag = flags.get(name);
    return flag != null && flag.value() != null
        ? "set by " + flag.flag()
        : "set in the environment";
  }

  /** Escapes line breaks and other control characters, e.g. of a log format pasted from a file. */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
