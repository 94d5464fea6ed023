package dev.bluegreen.watcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raw setting values, looked up by their {@link Setting} row, where a command-line flag beats the
 * environment, and typed readers whose errors name the setting, the bad value and where it came
 * from. An empty environment variable counts as unset. A setting's deprecated name still works
 * behind its new one: new flag, old flag, new variable, old variable.
 */
public final class Settings {

  /** A value given on the command line, with the flag that gave it. */
  public record Flag(String flag, String value) {}

  /** A value found, under which name and how it was set (by a flag or in the environment). */
  private record Found(String name, String value, String origin) {}

  private final Map<String, Flag> flags;
  private final Map<String, String> env;

  /**
   * @param flags the command line's values, by the environment-variable name they stand for (a
   *     deprecated flag by the deprecated name); a flag that was not given may map to a null value
   * @param env the environment
   */
  public Settings(Map<String, Flag> flags, Map<String, String> env) {
    this.flags = flags;
    this.env = env;
  }

  /** The value of {@code setting}, or {@code null} when neither flag nor environment set it. */
  public String raw(Setting setting) {
    Found found = find(setting);
    return found == null ? null : found.value();
  }

  /** An environment variable that is no setting (such as Docker's HOSTNAME), or null if blank. */
  public String environment(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  private Found find(Setting setting) {
    List<String> names = names(setting);
    for (String name : names) {
      Flag flag = flags.get(name);
      if (flag != null && flag.value() != null) {
        return new Found(name, flag.value(), "set by " + flag.flag());
      }
    }
    for (String name : names) {
      String value = environment(name);
      if (value != null) {
        return new Found(name, value, "set in the environment");
      }
    }
    return null;
  }

  private static List<String> names(Setting setting) {
    return setting.deprecatedName() == null
        ? List.of(setting.name())
        : List.of(setting.name(), setting.deprecatedName());
  }

  /**
   * One warning for each of {@code settings} given under its deprecated name, saying what to use
   * instead (and, if the new name is set too, that the old one is ignored).
   */
  public List<String> deprecations(List<Setting> settings) {
    List<String> warnings = new ArrayList<>();
    for (Setting setting : settings) {
      String old = setting.deprecatedName();
      if (old == null) {
        continue;
      }
      List<String> used = new ArrayList<>();
      List<String> instead = new ArrayList<>();
      Flag flag = flags.get(old);
      if (flag != null && flag.value() != null) {
        used.add(flag.flag());
        instead.add(setting.flag());
      }
      if (environment(old) != null) {
        used.add(old);
        instead.add(setting.name());
      }
      if (used.isEmpty()) {
        continue;
      }
      String warning =
          String.join(" and ", used)
              + (used.size() == 1 ? " is deprecated and goes" : " are deprecated and go")
              + " in the next release: use "
              + String.join(" and ", instead)
              + " instead";
      if (find(setting).name().equals(setting.name())) {
        Flag newFlag = flags.get(setting.name());
        String winner =
            newFlag != null && newFlag.value() != null ? newFlag.flag() : setting.name();
        warning += "; ignored: " + winner + " is set too and wins";
      }
      warnings.add(warning);
    }
    return warnings;
  }

  public String text(Setting setting, String fallback) {
    String raw = raw(setting);
    return raw == null ? fallback : raw;
  }

  public int integer(Setting setting, int fallback, int min, int max) {
    String raw = raw(setting);
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
    throw invalid(setting, raw, "must be a whole number from " + min + " to " + max);
  }

  public double decimal(Setting setting, double fallback, double min, double max) {
    String raw = raw(setting);
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
    throw invalid(setting, raw, "must be a number from " + plain(min) + " to " + plain(max));
  }

  public boolean bool(Setting setting, boolean fallback) {
    String raw = raw(setting);
    if (raw == null) {
      return fallback;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(setting, raw, "must be true or false");
    };
  }

  /** An error naming {@code setting} as it was set, its value and where it came from. */
  public InvalidSettingException invalid(Setting setting, String value, String problem) {
    return new InvalidSettingException(
        oneLine("invalid " + nameAndOrigin(setting, " '" + value + "'") + ": " + problem));
  }

  /**
   * An error naming secret {@code setting} and where it came from, without its value: a credential
   * must not reach a terminal or a log.
   */
  public InvalidSettingException invalidSecret(Setting setting, String problem) {
    return new InvalidSettingException(
        oneLine("invalid " + nameAndOrigin(setting, "") + ": " + problem));
  }

  /** E.g. {@code LOG_FORMAT 'yaml' (set in the environment)}: the name the value came under. */
  private String nameAndOrigin(Setting setting, String quotedValue) {
    Found found = find(setting);
    return found == null
        ? setting.name() + quotedValue + " (set in the environment)"
        : found.name() + quotedValue + " (" + found.origin() + ")";
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

  /** 2.0 as 2, 2.5 as 2.5: a number as someone would type it. */
  static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
